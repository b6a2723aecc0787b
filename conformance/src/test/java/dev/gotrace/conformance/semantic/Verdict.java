package dev.gotrace.conformance.semantic;

/**
 * Whether a trace is accepted and, if not, the message: Go's as the oracle prints it ({@code OK},
 * {@code FAIL message}, {@code PANIC message}), or gotrace's (its Go-equivalent message).
 */
final class Verdict {
  final boolean ok;
  final boolean panic;
  final String message;

  private Verdict(boolean ok, boolean panic, String message) {
    this.ok = ok;
    this.panic = panic;
    this.message = message;
  }

  static final Verdict OK = new Verdict(true, false, "");

  static Verdict fail(String message) {
    return new Verdict(false, false, message);
  }

  static Verdict panic(String message) {
    return new Verdict(false, true, message);
  }

  /** Parses the oracle's rendering. */
  static Verdict ofOracle(String s) {
    if (s.equals("OK")) {
      return OK;
    }
    if (s.startsWith("PANIC ")) {
      return panic(s.substring(6));
    }
    if (s.startsWith("FAIL ")) {
      return fail(s.substring(5));
    }
    throw new IllegalArgumentException("not an oracle verdict: " + s);
  }

  @Override
  public String toString() {
    return ok ? "OK" : (panic ? "PANIC " : "FAIL ") + message;
  }
}
