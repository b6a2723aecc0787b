package dev.gotrace.semantic;

/** What a {@link ResourceId} names. */
public enum ResourceKind {
  NONE("None"),
  GOROUTINE("Goroutine"),
  PROC("Proc"),
  THREAD("Thread");

  private final String goName;

  ResourceKind(String goName) {
    this.goName = goName;
  }

  public String goName() {
    return goName;
  }
}
