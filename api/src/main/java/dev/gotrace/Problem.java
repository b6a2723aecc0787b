package dev.gotrace;

import dev.gotrace.semantic.TraceValidationException;
import dev.gotrace.semantic.TraceValidationException.Stage;
import dev.gotrace.wire.WirePosition;
import java.util.Objects;

/**
 * Why a trace is rejected: the first problem Go's parser (or test validator) would report, as
 * gotrace's validator found it. Immutable.
 *
 * @param message gotrace's message: where (byte offset, record, generation, event and its context),
 *     what is wrong, what was expected and what was found
 * @param goMessage the message Go's tools print for the same problem
 * @param stage which layer of Go's reader rejects the trace
 * @param position the byte offset, record, generation and event at fault
 * @param context the thread, proc and goroutine of the event at fault, or {@code null}
 */
public record Problem(String message, String goMessage, Stage stage, WirePosition position,
    String context) {
  /**
   * Checks that everything but the context is present.
   *
   * @param message gotrace's message
   * @param goMessage Go's message
   * @param stage the stage
   * @param position where
   * @param context the event's thread, proc and goroutine, or {@code null}
   */
  public Problem {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(goMessage, "goMessage");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(position, "position");
  }

  /**
   * The problem an exception of the validator reports.
   *
   * @param e the validator's exception
   * @return its message, Go's message, stage, position and context
   */
  public static Problem of(TraceValidationException e) {
    return new Problem(e.getMessage(), e.goMessage(), e.stage(), e.position(), e.context());
  }

  /**
   * The byte offset of the record or event at fault.
   *
   * @return the offset from the start of the trace
   */
  public long offset() {
    return position.offset();
  }

  /** The stage and gotrace's message. */
  @Override
  public String toString() {
    return stage + ": " + message;
  }
}
