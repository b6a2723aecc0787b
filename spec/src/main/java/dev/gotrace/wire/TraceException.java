package dev.gotrace.wire;

import java.io.IOException;

/**
 * The one checked exception family for traces that cannot be read or written: every problem
 * says where (a subclass adds the position), what was expected and what was found.
 *
 * <p>It extends {@link IOException} (as protobuf's InvalidProtocolBufferException does) so that
 * streaming APIs declare one exception, while callers can still tell invalid input (this type)
 * from failing I/O (any other {@code IOException}).
 */
public abstract class TraceException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final String expected;
  private final String found;

  protected TraceException(String position, String problem, String expected, String found) {
    super(message(position, problem, expected, found));
    this.problem = problem;
    this.expected = expected;
    this.found = found;
  }

  private static String message(String position, String problem, String expected, String found) {
    StringBuilder s = new StringBuilder();
    s.append(position).append(": ").append(problem);
    if (expected != null || found != null) {
      s.append(" (expected ").append(expected == null ? "?" : expected);
      s.append(", found ").append(found == null ? "?" : found).append(')');
    }
    return s.toString();
  }

  /** What is wrong, without the position. */
  public String problem() {
    return problem;
  }

  /** What the format requires at this point, or {@code null}. */
  public String expected() {
    return expected;
  }

  /** What the input holds instead, or {@code null}. */
  public String found() {
    return found;
  }
}
