/**
 * The two gates of scheduled retraining: {@link io.descent.gate.DataCheck} (new data against
 * the profile a model recorded, before training) and {@link io.descent.gate.Promotion} (a
 * candidate against the champion that {@code MODELS/latest} names, before it serves).
 */
package io.descent.gate;
