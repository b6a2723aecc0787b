package dev.gotrace.kit.harness;

/** How a decoder under test did on one case. */
public enum Category {
  /** Accepted a valid trace with the expected events, or rejected an invalid one. */
  PASS("pass", false),
  /** Rejected a trace Go accepts. */
  FALSE_REJECT("false reject", true),
  /** Accepted a trace Go rejects. */
  FALSE_ACCEPT("false accept", true),
  /** Rejected a trace saying its version is not supported. */
  UNSUPPORTED_VERSION("unsupported version", true),
  /** Exited with a status other than 0 or 1, died of a signal, or broke the stream protocol. */
  CRASH("crash", true),
  /** Ran past the timeout. */
  HANG("hang", true),
  /** Accepted a valid trace but delivered other events than Go. */
  WRONG_EVENTS("wrong events", true);

  private final String label;
  private final boolean failure;

  Category(String label, boolean failure) {
    this.label = label;
    this.failure = failure;
  }

  public String label() {
    return label;
  }

  /** Whether the category counts against the decoder (unless a baseline accepts it). */
  public boolean isFailure() {
    return failure;
  }
}
