package io.descent.predict.input;

import io.descent.BadInputException;
import io.descent.data.source.NamedColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule that an input's feature columns are the model's: the same names in the same order,
 * each feature read from the column it was trained on. A difference is refused with what
 * differs: the model's columns the input lacks, the input's columns the model lacks, one
 * renamed in place, or the same names in another order.
 */
final class ColumnMatch {
  /** How many names a message lists before it says how many there are in all. */
  private static final int SHOWN = 10;

  private ColumnMatch() {}

  /** Throws unless {@code input}'s features are {@code trained}'s; {@code display} names the input. */
  static void require(NamedColumns trained, NamedColumns input, String display) {
    List<String> want = trained.features();
    List<String> have = input.features();
    if (want.equals(have)) {
      return;
    }
    List<String> missing = minus(want, have);
    List<String> extra = minus(have, want);
    String what;
    if (missing.isEmpty() && extra.isEmpty()) {
      what = outOfOrder(want, have);
    } else if (missing.size() == 1 && extra.size() == 1 && want.size() == have.size()
        && want.indexOf(missing.get(0)) == have.indexOf(extra.get(0))) {
      what = "column " + quote(extra.get(0)) + " is where the model has " + quote(missing.get(0))
          + roles(missing, extra, trained, input);
    } else {
      List<String> parts = new ArrayList<>();
      if (!missing.isEmpty()) {
        parts.add("it lacks the model's " + (missing.size() == 1 ? "feature column " : "feature columns ")
            + list(missing));
      }
      if (!extra.isEmpty()) {
        parts.add((extra.size() == 1 ? "its column " + list(extra) + " is not a feature"
            : "its columns " + list(extra) + " are not features") + " of the model");
      }
      what = String.join("; ", parts) + roles(missing, extra, trained, input);
    }
    throw new BadInputException(display + ": its feature columns are not the model's: " + what
        + ". The model's feature columns are " + list(want) + ".");
  }

  /** Where a column differs because it plays another role here or in training. */
  private static String roles(List<String> missing, List<String> extra, NamedColumns trained,
      NamedColumns input) {
    List<String> notes = new ArrayList<>();
    if (input.label() != null && missing.contains(input.label())) {
      notes.add(quote(input.label()) + " is read as the label here");
    }
    if (trained.label() != null && extra.contains(trained.label())) {
      notes.add(quote(trained.label()) + " is the model's label column");
    }
    String roles = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    if (input.label() == null && !extra.isEmpty() && !extra.contains(trained.label())) {
      roles += "; if " + quote(extra.get(0)) + " is the label, name it with --label-col";
    }
    return roles;
  }

  private static String outOfOrder(List<String> want, List<String> have) {
    for (int j = 0; j < want.size(); j++) {
      if (!want.get(j).equals(have.get(j))) {
        return "the same columns in another order: feature " + (j + 1) + " is " + quote(have.get(j))
            + " here and " + quote(want.get(j)) + " in the model; put the columns in the model's order";
      }
    }
    throw new IllegalStateException("equal lists");
  }

  private static List<String> minus(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.removeAll(b);
    return out;
  }

  private static String list(List<String> names) {
    List<String> shown = new ArrayList<>();
    for (String n : names.subList(0, Math.min(SHOWN, names.size()))) {
      shown.add(quote(n));
    }
    return String.join(", ", shown) + (names.size() > SHOWN ? ", … (" + names.size() + " in all)" : "");
  }

  private static String quote(String name) {
    return "\"" + name + "\"";
  }
}
