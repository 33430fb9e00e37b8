package io.descent.data;

/** LIBSVM lines: every line but blanks and '#' comments is a row. */
final class LibsvmLineRules implements LineRules {
  private final LibsvmLineParser parser;
  private final RowBuffer buffer = new RowBuffer();

  LibsvmLineRules(LabelPolicy policy, Integer numFeatures) {
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
