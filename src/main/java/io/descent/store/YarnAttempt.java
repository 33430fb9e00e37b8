package io.descent.store;

import java.util.Optional;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ContainerId;

/**
 * The YARN application attempt a process runs in, from the container id YARN gives every
 * container (environment variable CONTAINER_ID): in cluster mode, the driver's. YARN starts
 * attempt n + 1 of an application only after the container of attempt n has ended, so a lock
 * held by an earlier attempt of the same application is held by nobody.
 */
record YarnAttempt(ApplicationAttemptId id) {
  /** The attempt of the container {@code containerId} (null or blank: not in a YARN container). */
  static Optional<YarnAttempt> ofContainer(String containerId) {
    if (containerId == null || containerId.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new YarnAttempt(ContainerId.fromString(containerId.trim())
          .getApplicationAttemptId()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** An attempt as a lock file records it ("appattempt_..."), or empty if it is not one. */
  static Optional<YarnAttempt> parse(Object recorded) {
    if (!(recorded instanceof String text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new YarnAttempt(ApplicationAttemptId.fromString(text)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** True if this is a later attempt of the same application as {@code earlier}. */
  boolean follows(YarnAttempt earlier) {
    return id.getApplicationId().equals(earlier.id.getApplicationId())
        && id.getAttemptId() > earlier.id.getAttemptId();
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
