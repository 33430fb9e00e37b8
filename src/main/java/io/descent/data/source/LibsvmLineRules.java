package io.descent.data.source;

import io.descent.data.labels.LabelPolicy;
import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowProblem;

/** LIBSVM lines: every line but blanks and '#' comments is a row. */
public final class LibsvmLineRules implements LineRules {
  private final LibsvmLineParser parser;
  private final RowBuffer buffer = new RowBuffer();

  public LibsvmLineRules(LabelPolicy policy, Integer numFeatures) {
    this.parser = new LibsvmLineParser(policy, numFeatures);
  }

  @Override
  public void startFile() {}

  @Override
  public boolean isRow(String line) {
    return LibsvmLineParser.isRow(line);
  }

  @Override
  public RowProblem problem(String line) {
    return parser.parse(line, buffer);
  }
}
