package io.descent.train;

import io.descent.model.LinearModel;
import io.descent.optim.StopReason;
import io.descent.report.IterationRecord;
import java.util.List;

/** What a finished training run produced. */
public record TrainingResult(LinearModel model, List<IterationRecord> history, StopReason stopReason,
    long rows, double seconds) {}
