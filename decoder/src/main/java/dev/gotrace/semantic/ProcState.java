package dev.gotrace.semantic;

/** A proc's state as the parser reports it in state transitions (Go's {@code trace.ProcState}). */
public enum ProcState {
  UNDETERMINED("Undetermined"),
  NOT_EXIST("NotExist"),
  RUNNING("Running"),
  IDLE("Idle");

  private final String goName;

  ProcState(String goName) {
    this.goName = goName;
  }

  public String goName() {
    return goName;
  }

  /** Whether the proc is bound to a thread in this state. */
  public boolean executing() {
    return this == RUNNING;
  }

  static ProcState ofOrdinal(long v) {
    int i = (int) (v & 0xFF);
    return i < values().length ? values()[i] : null;
  }

  static String goName(long v) {
    ProcState s = ofOrdinal(v);
    return s == null ? "Bad" : s.goName;
  }
}
