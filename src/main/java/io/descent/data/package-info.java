/**
 * Loading training data into cached blocks: {@link io.descent.data.DataLoader} (files) and
 * {@link io.descent.data.FrameLoader} (a DataFrame), with their {@link io.descent.data.LoadOptions}.
 * The parts they use are the sub-packages: {@code source} (readers and row decoders),
 * {@code row} (one decoded row), {@code labels}, {@code hashing}, {@code diagnostics} (the scan
 * job and located errors) and {@code packing} (rows into blocks).
 */
package io.descent.data;
