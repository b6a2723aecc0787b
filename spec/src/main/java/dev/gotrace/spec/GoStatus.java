package dev.gotrace.spec;

/** Goroutine status codes carried by {@code GoStatus} and {@code GoStatusStack} ({@code gstatus}). */
public enum GoStatus {
  BAD(0),
  RUNNABLE(1),
  RUNNING(2),
  SYSCALL(3),
  WAITING(4);

  private final int code;

  GoStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The status with this wire code, or {@code null} for a code Go does not define. */
  public static GoStatus ofCode(long code) {
    return code >= 0 && code < values().length ? values()[(int) code] : null;
  }
}
