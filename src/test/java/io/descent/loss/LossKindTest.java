package io.descent.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.descent.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The registry's answers agree with the losses' own math. */
class LossKindTest {
  @ParameterizedTest
  @EnumSource(LossKind.class)
  void eachKindCreatesItsOwnLoss(LossKind kind) {
    Loss loss = kind.create(3);
    assertEquals(kind, loss.kind());
    assertEquals(kind.cliName(), loss.name());
    assertEquals(kind, LossKind.named(kind.cliName()));
  }

  /** newton is offered exactly for the losses with a scalar second derivative. */
  @ParameterizedTest
  @EnumSource(LossKind.class)
  void secondOrderSupportMatchesTheMath(LossKind kind) {
    assertEquals(kind.create(3).hasSecondDerivative(), kind.hasSecondOrder());
  }

  /** tron is offered exactly for the losses with Hessian-vector products. */
  @ParameterizedTest
  @EnumSource(LossKind.class)
  void hessianProductSupportMatchesTheMath(LossKind kind) {
    assertEquals(kind.create(3).hasCurvature(), kind.hasHessian(LossKind.Hessian.PRODUCTS));
  }

  @Test
  void namesKeepTheirDocumentedOrder() {
    assertEquals(List.of("squared", "logistic", "hinge", "squared_hinge", "softmax"),
        LossKind.names());
  }

  @Test
  void anUnknownNameIsBadInput() {
    BadInputException e = assertThrows(BadInputException.class, () -> LossKind.named("cubic"));
    assertEquals("--loss: unknown loss \"cubic\"; use one of squared, logistic, hinge, "
        + "squared_hinge, softmax.",
        e.getMessage());
  }

  @Test
  void linksComputeSigmoidStably() {
    assertEquals(0.5, LinkFunctions.sigmoid(0));
    assertEquals(1.0, LinkFunctions.sigmoid(800));
    assertEquals(0.0, LinkFunctions.sigmoid(-800));
  }
}
