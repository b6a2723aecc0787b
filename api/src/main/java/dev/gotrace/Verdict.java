package dev.gotrace;

import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.ValidationMode;
import dev.gotrace.spec.TraceVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the validator says about a trace: valid, or rejected with a {@link Problem}; in both cases
 * the events it delivered, in Go's order (for a rejected trace, those before the problem).
 * Immutable.
 *
 * <p>A verdict keeps every event in memory: it is meant for tests and tools that look at a
 * trace's events after judging it. To judge a large trace in constant memory, read it with a
 * {@link dev.gotrace.semantic.SemanticReader} ({@link GoTraces#open}).
 */
public final class Verdict {
  private final TraceVersion version;
  private final ValidationMode mode;
  private final List<ParsedEvent> events;
  private final Problem problem;
  private final String endedEarly;

  Verdict(TraceVersion version, ValidationMode mode, List<ParsedEvent> events, Problem problem,
      String endedEarly) {
    this.version = version;
    this.mode = Objects.requireNonNull(mode);
    this.events = List.copyOf(events);
    this.problem = problem;
    this.endedEarly = endedEarly;
  }

  /**
   * Whether the trace is valid in the verdict's {@link #mode}.
   *
   * @return {@code true} when no problem was found
   */
  public boolean isValid() {
    return problem == null;
  }

  /**
   * The problem that rejects the trace.
   *
   * @return the first problem, or empty for a valid trace
   */
  public Optional<Problem> problem() {
    return Optional.ofNullable(problem);
  }

  /**
   * The version the trace's header names.
   *
   * @return the version, or empty when the header itself is the problem
   */
  public Optional<TraceVersion> version() {
    return Optional.ofNullable(version);
  }

  /**
   * How strictly the trace was judged.
   *
   * @return {@link ValidationMode#PARSER} (Go's parser) or {@link ValidationMode#STRICT} (and
   *     Go's test validator)
   */
  public ValidationMode mode() {
    return mode;
  }

  /**
   * The events the validator delivered, in Go's order; for a rejected trace, those before the
   * problem.
   *
   * @return an unmodifiable list
   */
  public List<ParsedEvent> events() {
    return events;
  }

  /**
   * Why a valid trace ended before its last byte, as Go's tools end it (see {@link
   * dev.gotrace.semantic.SemanticReader#endedEarly}).
   *
   * @return the reason, or empty when the whole trace was read
   */
  public Optional<String> endedEarly() {
    return Optional.ofNullable(endedEarly);
  }

  /** "valid go 1.26 trace, 12 events" or "rejected: " and the problem. */
  @Override
  public String toString() {
    if (problem != null) {
      return "rejected (" + mode + "): " + problem;
    }
    return "valid go 1." + version.number() + " trace (" + mode + "), " + events.size()
        + " events";
  }
}
