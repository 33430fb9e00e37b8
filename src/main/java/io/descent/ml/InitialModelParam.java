package io.descent.ml;

import io.descent.model.LinearModel;
import io.descent.report.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.Identifiable$;

/**
 * The estimator's warm start: a fitted model whose weights the optimizer starts from. Its
 * JSON form is the model's model.json, so an estimator saved with an initial model loads
 * with it (Spark's default JSON encoding knows only plain values).
 */
final class InitialModelParam extends Param<DescentModel> {
  private static final long serialVersionUID = 1L;

  InitialModelParam(Params owner) {
    super(owner, "initialModel", "a fitted DescentModel (or one loaded from a descent train"
        + " model directory) to start from instead of zero: the same loss, features and"
        + " classes; unset: start from zero");
  }

  @Override
  public String jsonEncode(DescentModel value) {
    return new String(Json.write(value.linearModel().toJson()), StandardCharsets.UTF_8);
  }

  @Override
  public DescentModel jsonDecode(String json) {
    try {
      LinearModel model = LinearModel.fromJson(Json.readMap(json.getBytes(StandardCharsets.UTF_8)));
      return new DescentModel(Identifiable$.MODULE$.randomUID("descent"), model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
