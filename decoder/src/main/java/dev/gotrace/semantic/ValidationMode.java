package dev.gotrace.semantic;

/** How strictly a trace is judged. */
public enum ValidationMode {
  /**
   * What Go's parser accepts, as {@code go tool trace -d=parsed} reports it: Go's {@code
   * trace.Reader}, plus the cases where printing an event would make Go panic.
   */
  PARSER,
  /**
   * Additionally the checks of Go's test validator ({@code internal/trace/testtrace}), configured
   * as Go's own reader tests configure it (its version is the trace header's): strictly increasing
   * sync numbers and clock snapshots, no undetermined goroutine or proc after the first
   * generation, consistent thread bindings, complete stack frames, non-empty labels, matching
   * ranges and tasks.
   */
  STRICT
}
