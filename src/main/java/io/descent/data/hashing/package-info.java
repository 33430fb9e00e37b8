/**
 * Feature hashing of named columns: the hash function, the scheme a model records, and the
 * census and report of raw features and collisions.
 */
package io.descent.data.hashing;
