/**
 * Packing rows into cached blocks: the packing job and its per-partition packers, the holdout
 * split, and {@link io.descent.data.packing.TrainingData}, the blocks a load produces.
 */
package io.descent.data.packing;
