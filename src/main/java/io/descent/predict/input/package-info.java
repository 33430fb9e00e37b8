/**
 * The rows to score: {@link io.descent.predict.input.ScoringInput} reads an input with the
 * training readers and decoders but does not pack it, and maps each row in one lazy pass.
 */
package io.descent.predict.input;
