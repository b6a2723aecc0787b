package dev.gotrace.semantic;

/** A goroutine's state as the parser reports it in transitions (Go's {@code trace.GoState}). */
public enum GoState {
  /** Nothing is known yet: the goroutine's first status in the first generation. */
  UNDETERMINED("Undetermined"),
  NOT_EXIST("NotExist"),
  RUNNABLE("Runnable"),
  RUNNING("Running"),
  WAITING("Waiting"),
  SYSCALL("Syscall");

  private final String goName;

  GoState(String goName) {
    this.goName = goName;
  }

  public String goName() {
    return goName;
  }

  /** Whether the goroutine is bound to a thread in this state (running or in a syscall). */
  public boolean executing() {
    return this == RUNNING || this == SYSCALL;
  }

  static GoState ofOrdinal(long v) {
    int i = (int) (v & 0xFF);
    return i < values().length ? values()[i] : null;
  }

  /** The name Go prints for a state byte, "Bad" for one it does not define. */
  static String goName(long v) {
    GoState s = ofOrdinal(v);
    return s == null ? "Bad" : s.goName;
  }
}
