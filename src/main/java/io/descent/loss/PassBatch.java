package io.descent.loss;

import java.io.Serializable;
import java.util.List;

/**
 * Several {@link PassRequest}s answered by one sweep of the blocks, each over its own rows:
 * the passes of many models at once (every fold's model of a cross-validation, and the
 * all-rows model), so that advancing them together costs one Spark job per step, not one per
 * model. A batch of one request over all rows is an ordinary pass, bit for bit.
 */
public record PassBatch(List<Member> members) implements Serializable {
  /** One model's request and the rows it is summed over. */
  public record Member(PassRequest request, RowSelection rows) implements Serializable {}

  public PassBatch {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a pass batch needs at least one request");
    }
    members = List.copyOf(members);
  }

  /** The ordinary pass: one request over every row. */
  public static PassBatch of(PassRequest request) {
    return new PassBatch(List.of(new Member(request, RowSelection.ALL)));
  }

  public int size() {
    return members.size();
  }

  /** How many doubles the batch carries: what decides how a pass ships it. */
  public long doubles() {
    long n = 0;
    for (Member m : members) {
      n += m.request().doubles();
    }
    return n;
  }
}
