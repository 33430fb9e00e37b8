package io.descent;

/** The process exit codes of DESIGN.md, which pipelines and schedulers rely on. */
public final class ExitCodes {
  public static final int OK = 0;
  /** Bad arguments, configuration or input data. */
  public static final int BAD_INPUT = 2;
  /** The objective became non-finite. */
  public static final int DIVERGED = 3;
  /** Anything else. */
  public static final int FAILURE = 4;

  private ExitCodes() {}
}
