package dev.gotrace.testing.truth;

import static com.google.common.truth.Truth.assertAbout;

import dev.gotrace.GoTraces;
import dev.gotrace.Verdict;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.fixtures.dsl.TraceDsl;
import dev.gotrace.semantic.ValidationMode;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceFormatException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry points for the trace subjects: {@code import static
 * dev.gotrace.testing.truth.TraceTruth.*;}.
 *
 * <ul>
 *   <li>{@link #assertThatParsed} and {@link #assertThat(Verdict)}: the trace as Go's parser and
 *       test validator read it: valid or rejected and why, goroutine states, tasks, regions, logs,
 *       metrics, ranges ({@link ParsedTraceSubject}).
 *   <li>{@link #assertThat(Trace)}: the wire model: versions, event counts, events with given
 *       arguments ({@link TraceSubject}).
 *   <li>{@link #assertThatBytes}: byte-for-byte comparison that says where the first difference is
 *       ({@link TraceBytesSubject}).
 * </ul>
 */
public final class TraceTruth {
  private TraceTruth() {}

  /**
   * Asserts about a trace's wire model.
   *
   * @param trace the decoded or built trace
   * @return a subject about its records and events
   */
  public static TraceSubject assertThat(Trace trace) {
    return assertAbout(TraceSubject.traces()).that(trace);
  }

  /**
   * Builds the DSL's trace (if not built yet) and asserts about its wire model.
   *
   * @param dsl the DSL
   * @return a subject about its records and events
   */
  public static TraceSubject assertThat(TraceDsl dsl) {
    return assertThat(dsl.build());
  }

  /**
   * Decodes the bytes (a decode failure is thrown as is) and asserts about the wire model.
   *
   * @param bytes the trace
   * @return a subject about its records and events
   * @throws TraceFormatException if the bytes are not a v2 trace
   */
  public static TraceSubject assertThatDecoded(byte[] bytes) throws TraceFormatException {
    return assertThat(TraceDecoder.decode(bytes));
  }

  /**
   * Asserts about trace bytes.
   *
   * @param bytes the trace's bytes
   * @return a subject for byte-for-byte comparison
   */
  public static TraceBytesSubject assertThatBytes(byte[] bytes) {
    return TraceBytesSubject.assertThatTraceBytes(bytes);
  }

  /**
   * Asserts about a verdict of the validator.
   *
   * @param verdict from {@link GoTraces#validate}
   * @return a subject about the verdict and the events in Go's order
   */
  public static ParsedTraceSubject assertThat(Verdict verdict) {
    return assertAbout(ParsedTraceSubject.parsedTraces()).that(verdict);
  }

  /**
   * Validates the bytes strictly (Go's parser and test validator) and asserts about the verdict.
   *
   * @param bytes the trace
   * @return a subject about the verdict and the events in Go's order
   */
  public static ParsedTraceSubject assertThatParsed(byte[] bytes) {
    return assertThat(GoTraces.validate(bytes, ValidationMode.STRICT));
  }

  /**
   * Builds the DSL's trace, validates it strictly and asserts about the verdict.
   *
   * @param dsl the DSL
   * @return a subject about the verdict and the events in Go's order
   */
  public static ParsedTraceSubject assertThatParsed(TraceDsl dsl) {
    return assertThatParsed(dsl.bytes());
  }

  /**
   * Validates a trace file strictly and asserts about the verdict.
   *
   * @param file the trace file
   * @return a subject about the verdict and the events in Go's order
   * @throws IOException if the file cannot be read
   */
  public static ParsedTraceSubject assertThatParsed(Path file) throws IOException {
    return assertThat(GoTraces.validate(file, ValidationMode.STRICT));
  }
}
