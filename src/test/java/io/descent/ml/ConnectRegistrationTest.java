package io.descent.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * What Spark 4's Connect ML server (org.apache.spark.sql.connect.ml.MLUtils) does to find and
 * make Descent's classes, done here the same way on either line: it lists the providers of
 * org.apache.spark.ml.Estimator and Transformer through ServiceLoader.stream() (a provider on
 * the classpath without a public no-argument constructor fails there), instantiates the one
 * named by the client through its (String uid) constructor, and loads saved models through
 * their static load(String).
 */
class ConnectRegistrationTest {
  private static List<Class<?>> providers(Class<?> service) {
    return ServiceLoader.load(service, Thread.currentThread().getContextClassLoader()).stream()
        .<Class<?>>map(ServiceLoader.Provider::type).toList();
  }

  @Test
  void theEstimatorIsAServiceAndMadeByUid() throws Exception {
    assertTrue(providers(Estimator.class).contains(DescentEstimator.class), providers(Estimator.class).toString());
    Object made = DescentEstimator.class.getConstructor(String.class).newInstance("est-1");
    assertEquals("est-1", ((DescentEstimator) made).uid());
  }

  @Test
  void theModelIsATransformerServiceLoadableByName() throws Exception {
    assertTrue(providers(Transformer.class).contains(DescentModel.class), providers(Transformer.class).toString());
    DescentModel made = DescentModel.class.getConstructor(String.class).newInstance("model-1");
    assertEquals("model-1", made.uid());
    assertEquals(DescentModel.class, DescentModel.class.getMethod("load", String.class).getReturnType());
    // Made by name it holds no coefficients: it says so instead of failing inside a job.
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> made.transformSchema(new StructType()));
    assertTrue(e.getMessage().contains("no coefficients"), e.getMessage());
  }
}
