package io.descent.predict;

import io.descent.BadInputException;
import io.descent.data.labels.LabelMapping;
import io.descent.data.source.InputSpec;
import io.descent.model.LinearModel;
import io.descent.predict.input.ScoringInput;
import org.apache.spark.sql.SparkSession;

/** An input opened to be scored by a model: read with its feature count and its feature hashing. */
public final class ModelInput {
  private ModelInput() {}

  public static ScoringInput open(SparkSession spark, LinearModel model, InputSpec input,
      LabelMapping knownLabels) {
    // Models trained with --hash-features before model.json kept the hashing record only what
    // the run saw, not the label column: their rows cannot be hashed again with certainty.
    if (model.hashing() == null && model.training().containsKey("featureHashing")) {
      throw new BadInputException("--model: the model was trained with --hash-features by a"
          + " Descent that did not record how to hash new data (model.json has no top-level"
          + " featureHashing); train it again to predict or evaluate with it.");
    }
    return ScoringInput.open(spark, input, model.layout().numFeatures(), model.hashing(),
        model.columns(), knownLabels);
  }
}
