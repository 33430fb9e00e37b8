package io.descent.optim;

import java.util.function.DoubleSupplier;

/**
 * What the factories of {@link OptimizerKind} may read: the step (asked only by the methods
 * that use one, since with an automatic step it costs the passes of the Lipschitz estimate),
 * the step given explicitly (null: automatic), and the settings of particular methods.
 */
public record OptimizerSettings(DoubleSupplier step, Double givenStep, int lbfgsMemory,
    int newtonMaxDim, StepSchedule stepSchedule, double stepDecay, double momentum,
    double batchFraction, long seed) {}
