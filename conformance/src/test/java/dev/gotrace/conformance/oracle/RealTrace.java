package dev.gotrace.conformance.oracle;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One real trace and Go's views of it. Every view is computed once, in the background, starting
 * when the trace is made: the tests that compare against a view then mostly find it ready.
 */
final class RealTrace {
  private final TraceProgram program;
  private final Path file;
  private final byte[] bytes;
  private final CompletableFuture<ProcessResult> wire;
  private final CompletableFuture<ProcessResult> footprint;
  private final CompletableFuture<ProcessResult> parsed;
  private final CompletableFuture<ProcessResult> text;
  private final CompletableFuture<ProcessResult> textToBytes;

  RealTrace(GoToolchain go, TraceProgram program, Path file, byte[] bytes) {
    this.program = program;
    this.file = file;
    this.bytes = bytes;
    this.wire = background(() -> go.goToolTrace("wire", file));
    this.footprint = background(() -> go.goToolTrace("footprint", file));
    this.parsed = background(() -> go.goToolTrace("parsed", file));
    this.text = background(() -> go.oracle(bytes, "bytes2text"));
    this.textToBytes = text.thenApplyAsync(
        t -> go.oracle(t.requireSuccess().stdout(), "text2bytes"), GoToolchain.TOOLS);
  }

  TraceProgram program() {
    return program;
  }

  Path file() {
    return file;
  }

  /** The trace's bytes; callers must not modify them. */
  byte[] bytes() {
    return bytes;
  }

  /** {@code go tool trace -d=wire FILE}. */
  ProcessResult goWire() {
    return GoToolchain.await(wire, "go tool trace -d=wire");
  }

  /** {@code go tool trace -d=footprint FILE}. */
  ProcessResult goFootprint() {
    return GoToolchain.await(footprint, "go tool trace -d=footprint");
  }

  /** {@code go tool trace -d=parsed FILE}: Go's full parser. */
  ProcessResult goParsed() {
    return GoToolchain.await(parsed, "go tool trace -d=parsed");
  }

  /** The oracle's {@code bytes2text}: Go's raw reader and text writer. */
  ProcessResult goText() {
    return GoToolchain.await(text, "oracle bytes2text");
  }

  /** The oracle's {@code bytes2text | text2bytes}: the trace rewritten by Go's raw writer. */
  ProcessResult goTextToBytes() {
    return GoToolchain.await(textToBytes, "oracle bytes2text | text2bytes");
  }

  private static CompletableFuture<ProcessResult> background(Supplier<ProcessResult> task) {
    return CompletableFuture.supplyAsync(task, GoToolchain.TOOLS);
  }

  @Override
  public String toString() {
    return program + " (" + bytes.length + " bytes, " + file + ")";
  }
}
