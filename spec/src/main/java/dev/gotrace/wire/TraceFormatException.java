package dev.gotrace.wire;

/**
 * Binary trace input that does not follow the format, with the byte offset where the problem
 * is and the record, generation and event around it.
 */
public final class TraceFormatException extends TraceException {
  private static final long serialVersionUID = 1L;

  private final transient WirePosition position;

  public TraceFormatException(WirePosition position, String problem, String expected,
      String found) {
    super(position.toString(), problem, expected, found);
    this.position = position;
  }

  public WirePosition position() {
    return position;
  }

  /** The byte offset of the problem from the start of the input. */
  public long offset() {
    return position.offset();
  }
}
