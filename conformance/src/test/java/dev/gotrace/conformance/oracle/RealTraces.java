package dev.gotrace.conformance.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Real traces, made once per JVM: the {@link TraceProgram}s are built with one go command and run
 * side by side, and as each trace appears Go's views of it start computing in the background.
 */
final class RealTraces {
  private static Map<TraceProgram, CompletableFuture<RealTrace>> traces;
  private static CompletableFuture<Path> binaries;

  private RealTraces() {}

  /** The trace of {@code program}, waiting for it to be made if needed. */
  static RealTrace of(TraceProgram program) {
    return GoToolchain.await(all().get(program), "tracing " + program);
  }

  /**
   * Runs {@code program} once more, into a new file under {@code dir}, and returns the trace's
   * bytes: a fresh trace for tests that run the programs many times (Go's views are not made).
   */
  static byte[] fresh(TraceProgram program, Path dir) {
    GoToolchain go = GoToolchain.get();
    Path bin = GoToolchain.await(binaries(go), "building the trace programs");
    try {
      return Files.readAllBytes(record(go, program, bin, dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized Map<TraceProgram, CompletableFuture<RealTrace>> all() {
    if (traces == null) {
      traces = start(GoToolchain.get());
    }
    return traces;
  }

  /** The programs' binaries, built once per JVM with one go command (see {@link GoToolchain}). */
  private static synchronized CompletableFuture<Path> binaries(GoToolchain go) {
    if (binaries == null) {
      Path module = RepoRoot.get().resolve("conformance/src/test/go");
      List<String> packages = new ArrayList<>();
      for (TraceProgram p : TraceProgram.values()) {
        packages.add("./" + p.directory());
      }
      binaries = CompletableFuture.supplyAsync(() -> go.buildPrograms(module, packages),
          GoToolchain.BACKGROUND);
    }
    return binaries;
  }

  private static Map<TraceProgram, CompletableFuture<RealTrace>> start(GoToolchain go) {
    CompletableFuture<Path> built = binaries(go);
    Path traceDir = go.newDir("traces-");
    Map<TraceProgram, CompletableFuture<RealTrace>> out = new EnumMap<>(TraceProgram.class);
    for (TraceProgram p : TraceProgram.values()) {
      out.put(p, built.thenApplyAsync(bin -> trace(go, p, bin, traceDir),
          GoToolchain.BACKGROUND));
    }
    return out;
  }

  private static RealTrace trace(GoToolchain go, TraceProgram program, Path binaries,
      Path traceDir) {
    Path file = record(go, program, binaries, traceDir);
    try {
      return new RealTrace(go, program, file, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the program's binary with its environment; returns the trace file it wrote. */
  private static Path record(GoToolchain go, TraceProgram program, Path binaries,
      Path traceDir) {
    Path file = traceDir.resolve(program.directory() + ".trace");
    go.run(List.of(binaries.resolve(program.directory()).toString(), file.toString()), traceDir,
        program.environment(), null, GoToolchain.RUN_TIMEOUT).requireSuccess();
    return file;
  }
}
