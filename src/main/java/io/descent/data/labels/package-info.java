/**
 * Labels: the policy a loss imposes on them, the census of distinct labels a scan takes, and
 * the mapping from the labels as read to the values trained on.
 */
package io.descent.data.labels;
