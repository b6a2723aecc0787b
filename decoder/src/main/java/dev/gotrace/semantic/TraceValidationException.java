package dev.gotrace.semantic;

import dev.gotrace.wire.TraceException;
import dev.gotrace.wire.WirePosition;
import java.util.Objects;

/**
 * A trace that Go's parser (or, in strict mode, Go's test validator) would reject, with where and
 * why: the byte offset and record, generation and event of the wire event at fault, the thread,
 * proc and goroutine it ran on, the state that was found and what the event needed.
 *
 * <p>{@link #goMessage()} is the text Go's tools print for the same problem, so results can be
 * compared with Go's verdicts; the exception's own message is longer and says where.
 */
public final class TraceValidationException extends TraceException {
  private static final long serialVersionUID = 1L;

  /** Which layer of Go's reader rejects the trace. */
  public enum Stage {
    /** Reading top-level records: batch headers, sizes, truncation ({@code readBatch}). */
    FRAMING,
    /**
     * Assembling a generation: generation numbers, the string, stack, CPU sample and sync batches,
     * required Frequency and ClockSnapshot ({@code readGeneration}).
     */
    GENERATION,
    /** Decoding a timed event of a thread batch ({@code readTimedBaseEvent}). */
    EVENT_DECODING,
    /** The state machines and the cross-thread order ({@code ordering.Advance}, the frontier). */
    ORDERING,
    /** An event names a string or stack its generation lacks ({@code validateTableIDs}). */
    TABLE_IDS,
    /** A check of Go's test validator ({@code testtrace.Validator}); strict mode only. */
    VALIDATOR,
    /**
     * Go's accessors would panic on the event (its {@code String()} and the test validator call
     * them), so Go's tools crash instead of answering.
     */
    PANIC
  }

  private final transient WirePosition position;
  private final String context;
  private final Stage stage;
  private final String goMessage;

  TraceValidationException(Stage stage, WirePosition position, String context, String goMessage,
      String problem, String expected, String found) {
    super(describe(position, context), problem, expected, found);
    this.stage = Objects.requireNonNull(stage);
    this.position = Objects.requireNonNull(position);
    this.context = context;
    this.goMessage = goMessage;
  }

  private static String describe(WirePosition position, String context) {
    String where = position.toString();
    if (context == null) {
      return where;
    }
    if (where.endsWith(")")) {
      return where.substring(0, where.length() - 1) + "; " + context + ")";
    }
    return where + " (" + context + ")";
  }

  /** Where: byte offset, record index, generation, event index and type of the event at fault. */
  public WirePosition position() {
    return position;
  }

  /** The byte offset of the record or event at fault. */
  public long offset() {
    return position.offset();
  }

  /** The execution context of the event ("thread 7, proc 1, goroutine 5"), or {@code null}. */
  public String context() {
    return context;
  }

  public Stage stage() {
    return stage;
  }

  /**
   * The message Go's tools print for this problem (for {@link Stage#PANIC}, the panic value), or
   * {@code null} where gotrace cannot know it: a v1 trace (go 1.11, 1.19, 1.21) with more than
   * its header, which Go reads with a separate parser.
   */
  public String goMessage() {
    return goMessage;
  }
}
