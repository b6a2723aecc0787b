package dev.gotrace.spec;

/** P status codes carried by {@code ProcStatus} ({@code pstatus}). */
public enum ProcStatus {
  BAD(0),
  RUNNING(1),
  IDLE(2),
  SYSCALL(3),
  /**
   * The P was in a syscall whose goroutine's status was never traced in this generation; the
   * parser then does not pair the steal with a syscall begin.
   */
  SYSCALL_ABANDONED(4);

  private final int code;

  ProcStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The status with this wire code, or {@code null} for a code Go does not define. */
  public static ProcStatus ofCode(long code) {
    return code >= 0 && code < values().length ? values()[(int) code] : null;
  }
}
