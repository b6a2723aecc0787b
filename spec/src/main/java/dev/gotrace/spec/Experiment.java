package dev.gotrace.spec;

/**
 * Experiments whose events and batches a trace may carry. On the wire an experiment is the one
 * raw byte after an {@code ExperimentalBatch} type byte; its events use numbers 128 and up.
 */
public enum Experiment {
  NONE(0, "None"),
  /** {@code GODEBUG=traceallocfree=1}: heap span, object and goroutine stack lifetimes (Go 1.23+). */
  ALLOC_FREE(1, "AllocFree");

  private final int id;
  private final String goName;

  Experiment(int id, String goName) {
    this.id = id;
    this.goName = goName;
  }

  /** The experiment's byte value on the wire. */
  public int id() {
    return id;
  }

  /** The name Go's parser gives the experiment. */
  public String goName() {
    return goName;
  }

  /** The experiment with this wire id, or {@code null} when Go defines none. */
  public static Experiment ofId(int id) {
    for (Experiment e : values()) {
      if (e.id == id) {
        return e;
      }
    }
    return null;
  }
}
