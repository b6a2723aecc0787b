package dev.gotrace;

import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.fixtures.dsl.TraceDsl;
import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.SemanticReader;
import dev.gotrace.semantic.TraceValidationException;
import dev.gotrace.semantic.ValidationMode;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceEncodingException;
import dev.gotrace.wire.TraceFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The common jobs in one place: read a trace, judge it, write it, build one with the DSL.
 *
 * <pre>{@code
 * TraceDsl t = GoTraces.dsl(TraceVersion.GO_1_26);
 * Goroutine main = t.thread(0).holding(t.proc(0)).running(1);
 * main.block(Reasons.CHAN_RECEIVE);
 * Verdict v = GoTraces.validate(t.bytes());      // v.isValid(), v.problem(), v.events()
 * Trace trace = GoTraces.read(Path.of("app.trace"));
 * GoTraces.write(trace, Path.of("copy.trace")); // byte for byte
 * }</pre>
 *
 * <p>Reading a malformed trace throws a {@link TraceFormatException} (the {@link
 * dev.gotrace.wire.TraceException} family) with its byte offset; validating one does not throw: the
 * verdict holds the problem. Other {@link IOException}s are failing I/O.
 */
public final class GoTraces {
  private GoTraces() {}

  // ---- Reading the wire model. ----

  /**
   * Decodes a trace into the wire model (records, batches, events, varint widths kept).
   *
   * @param bytes the whole trace
   * @return the trace
   * @throws TraceFormatException where and why the bytes are not a v2 trace
   */
  public static Trace read(byte[] bytes) throws TraceFormatException {
    return TraceDecoder.decode(Objects.requireNonNull(bytes, "bytes == null"));
  }

  /**
   * Decodes a trace file into the wire model.
   *
   * @param file the trace file
   * @return the trace
   * @throws TraceFormatException where and why the file is not a v2 trace
   * @throws IOException if the file cannot be read
   */
  public static Trace read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(Objects.requireNonNull(file, "file == null"))) {
      return TraceDecoder.decode(in);
    }
  }

  /**
   * Decodes a trace from a stream (read to its end, not closed).
   *
   * @param in the trace's bytes from the header on
   * @return the trace
   * @throws TraceFormatException where and why the bytes are not a v2 trace
   * @throws IOException if reading fails
   */
  public static Trace read(InputStream in) throws IOException {
    return TraceDecoder.decode(Objects.requireNonNull(in, "in == null"));
  }

  // ---- Judging. ----

  /**
   * Judges a trace as Go's parser and Go's test validator do ({@link ValidationMode#STRICT}).
   *
   * @param bytes the whole trace
   * @return valid, or the first problem; the events in Go's order either way
   */
  public static Verdict validate(byte[] bytes) {
    return validate(bytes, ValidationMode.STRICT);
  }

  /**
   * Judges a trace in the given mode.
   *
   * @param bytes the whole trace
   * @param mode {@link ValidationMode#PARSER} for Go's parser only, {@link ValidationMode#STRICT}
   *     with Go's test validator
   * @return valid, or the first problem; the events in Go's order either way
   */
  public static Verdict validate(byte[] bytes, ValidationMode mode) {
    try {
      return validate(new ByteArrayInputStream(Objects.requireNonNull(bytes, "bytes == null")),
          mode);
    } catch (IOException e) {
      // A byte array cannot fail to read; every problem of the trace is in the verdict.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Judges a trace file strictly.
   *
   * @param file the trace file
   * @return valid, or the first problem
   * @throws IOException if the file cannot be read (a malformed trace is a verdict, not this)
   */
  public static Verdict validate(Path file) throws IOException {
    return validate(file, ValidationMode.STRICT);
  }

  /**
   * Judges a trace file in the given mode.
   *
   * @param file the trace file
   * @param mode how strictly
   * @return valid, or the first problem
   * @throws IOException if the file cannot be read (a malformed trace is a verdict, not this)
   */
  public static Verdict validate(Path file, ValidationMode mode) throws IOException {
    try (InputStream in = Files.newInputStream(Objects.requireNonNull(file, "file == null"))) {
      return validate(in, mode);
    }
  }

  /**
   * Judges a trace read from a stream (read up to the problem or its end, not closed).
   *
   * @param in the trace's bytes from the header on
   * @param mode how strictly
   * @return valid, or the first problem
   * @throws IOException if reading fails (a malformed trace is a verdict, not this)
   */
  public static Verdict validate(InputStream in, ValidationMode mode) throws IOException {
    Objects.requireNonNull(in, "in == null");
    Objects.requireNonNull(mode, "mode == null");
    SemanticReader reader;
    try {
      reader = SemanticReader.open(in, mode);
    } catch (TraceValidationException e) {
      return new Verdict(null, mode, List.of(), Problem.of(e), null);
    }
    List<ParsedEvent> events = new ArrayList<>();
    try {
      for (ParsedEvent e = reader.next(); e != null; e = reader.next()) {
        events.add(e);
      }
    } catch (TraceValidationException e) {
      return new Verdict(reader.version(), mode, events, Problem.of(e), null);
    }
    return new Verdict(reader.version(), mode, events, null, reader.endedEarly());
  }

  /**
   * A streaming reader of the validator's events, for traces too large for a {@link Verdict}.
   *
   * @param file the trace file; closed with the reader
   * @return a strict reader positioned before the first event
   * @throws TraceValidationException if the header is not a v2 trace header
   * @throws IOException if the file cannot be read
   */
  public static SemanticReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(Objects.requireNonNull(file, "file == null"));
    try {
      return SemanticReader.open(in);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  // ---- Writing. ----

  /**
   * Encodes a trace; a decoded trace comes back byte for byte.
   *
   * @param trace the wire model
   * @return the bytes
   * @throws TraceEncodingException where the model cannot be written
   */
  public static byte[] write(Trace trace) throws TraceEncodingException {
    return TraceWriter.encode(Objects.requireNonNull(trace, "trace == null"));
  }

  /**
   * Encodes a trace into a file, replacing it.
   *
   * @param trace the wire model
   * @param file where to write
   * @throws TraceEncodingException where the model cannot be written (the file is then untouched)
   * @throws IOException if the file cannot be written
   */
  public static void write(Trace trace, Path file) throws IOException {
    byte[] bytes = write(trace);
    Files.write(Objects.requireNonNull(file, "file == null"), bytes);
  }

  /**
   * Encodes a trace onto a stream (not closed).
   *
   * @param trace the wire model
   * @param out where to write
   * @throws TraceEncodingException where the model cannot be written
   * @throws IOException if writing fails
   */
  public static void write(Trace trace, OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out == null").write(write(trace));
  }

  // ---- Building. ----

  /**
   * A semantic trace DSL for this version, with the default options ({@link TraceDsl#builder}
   * for others).
   *
   * @param version the trace format version to write
   * @return a DSL whose traces Go's parser and validator accept
   */
  public static TraceDsl dsl(TraceVersion version) {
    return TraceDsl.create(Objects.requireNonNull(version, "version == null"));
  }
}
