package io.descent.config;

import io.descent.loss.LossKind;

/**
 * The objective the model minimizes: the loss (and which label is positive for a binary
 * one), the regularization and whether there is an intercept.
 *
 * @param positiveLabel null: labels {0,1} or {-1,+1}
 */
public record ModelSettings(
    LossKind loss,
    Double positiveLabel,
    double reg,
    double elasticNet,
    boolean intercept) {

  void addTo(SettingsJson json) {
    json.put("loss", loss.cliName())
        .put("positiveLabel", positiveLabel)
        .put("reg", reg)
        .put("elasticNet", elasticNet)
        .put("intercept", intercept);
  }
}
