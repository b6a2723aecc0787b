package dev.gotrace.testing.truth;

import static com.google.common.truth.Fact.fact;

import com.google.common.truth.FailureMetadata;
import com.google.common.truth.StringSubject;
import com.google.common.truth.Subject;
import dev.gotrace.Problem;
import dev.gotrace.semantic.TraceValidationException.Stage;
import dev.gotrace.spec.EventType;
import java.util.Objects;

/**
 * Truth subject for why a trace is rejected ({@link ParsedTraceSubject#rejection}): Go's message,
 * gotrace's message, the stage and the position. A subject made after the trace was found valid
 * checks nothing more.
 */
public final class ProblemSubject extends Subject {
  private final Problem actual;

  private ProblemSubject(FailureMetadata metadata, Problem actual) {
    super(metadata, actual);
    this.actual = actual;
  }

  static Subject.Factory<ProblemSubject, Problem> problems() {
    return ProblemSubject::new;
  }

  /**
   * The message Go's tools print for the problem.
   *
   * @return a subject about it
   */
  public StringSubject goMessage() {
    return check("goMessage()").that(actual == null ? null : actual.goMessage());
  }

  /**
   * gotrace's message: where, what, expected and found.
   *
   * @return a subject about it
   */
  public StringSubject message() {
    return check("message()").that(actual == null ? null : actual.message());
  }

  /**
   * The layer of Go's reader that rejects the trace.
   *
   * @param stage the expected stage
   */
  public void hasStage(Stage stage) {
    Objects.requireNonNull(stage, "stage == null");
    if (actual != null && actual.stage() != stage) {
      failWithActual(fact("expected stage", stage));
    }
  }

  /**
   * The problem is at this byte offset.
   *
   * @param offset the offset of the record or event at fault
   */
  public void isAtOffset(long offset) {
    if (actual != null && actual.offset() != offset) {
      failWithActual(fact("expected offset", offset), fact("but was at", actual.position()));
    }
  }

  /**
   * The problem is in this generation.
   *
   * @param generation the generation number
   */
  public void isInGeneration(long generation) {
    if (actual != null && (!actual.position().hasGeneration()
        || actual.position().generation() != generation)) {
      failWithActual(fact("expected generation", generation),
          fact("but was at", actual.position()));
    }
  }

  /**
   * The event at fault has this type.
   *
   * @param type the wire event type
   */
  public void isAtEvent(EventType type) {
    Objects.requireNonNull(type, "type == null");
    if (actual != null && actual.position().eventType() != type) {
      failWithActual(fact("expected the event at fault to be", type.goName()),
          fact("but was at", actual.position()));
    }
  }
}
