package dev.gotrace.semantic;

import java.time.Instant;

/**
 * Near-simultaneous readings of the trace clock, the wall clock and the monotonic clock (go 1.25+).
 *
 * @param trace the trace clock in nanoseconds, on the scale of event times
 * @param wallSeconds wall clock, Unix seconds, normalised as Go's {@code time.Unix} does
 * @param wallNanos wall clock nanoseconds within the second, 0..999 999 999
 * @param mono the runtime's monotonic clock in nanoseconds (unsigned)
 */
public record ClockSnapshot(long trace, long wallSeconds, long wallNanos, long mono) {
  /** The wall clock reading as an instant (throws for readings outside Instant's range). */
  public Instant wall() {
    return Instant.ofEpochSecond(wallSeconds, wallNanos);
  }
}
