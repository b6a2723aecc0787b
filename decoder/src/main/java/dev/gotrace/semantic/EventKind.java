package dev.gotrace.semantic;

/** What a {@link ParsedEvent} is, as Go's {@code trace.EventKind} classifies events. */
public enum EventKind {
  /** A generation boundary (and the end of the trace): everything before it has been seen. */
  SYNC("Sync"),
  /** A sampled value: GOMAXPROCS, heap in use, heap goal. */
  METRIC("Metric"),
  /** A label attached to the current goroutine (GC worker kinds). */
  LABEL("Label"),
  /** A CPU profile sample. */
  STACK_SAMPLE("StackSample"),
  RANGE_BEGIN("RangeBegin"),
  /** A range that was already active when the generation started. */
  RANGE_ACTIVE("RangeActive"),
  RANGE_END("RangeEnd"),
  TASK_BEGIN("TaskBegin"),
  TASK_END("TaskEnd"),
  REGION_BEGIN("RegionBegin"),
  REGION_END("RegionEnd"),
  LOG("Log"),
  /** A goroutine or proc changed state. */
  STATE_TRANSITION("StateTransition"),
  /** An event of an experiment (AllocFree), unvalidated. */
  EXPERIMENTAL("Experimental");

  private final String goName;

  EventKind(String goName) {
    this.goName = goName;
  }

  /** The name Go's {@code EventKind.String} gives. */
  public String goName() {
    return goName;
  }
}
