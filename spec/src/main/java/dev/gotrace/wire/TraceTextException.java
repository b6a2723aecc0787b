package dev.gotrace.wire;

/** Text-format input that cannot be read, with its line and column (both 1-based). */
public final class TraceTextException extends TraceException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public TraceTextException(int line, int column, String problem, String expected, String found) {
    super("line " + line + ", column " + column, problem, expected, found);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
