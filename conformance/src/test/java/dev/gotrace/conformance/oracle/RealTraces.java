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

  private RealTraces() {}

  /** The trace of {@code program}, waiting for it to be made if needed. */
  static RealTrace of(TraceProgram program) {
    return GoToolchain.await(all().get(program), "tracing " + program);
  }

  private static synchronized Map<TraceProgram, CompletableFuture<RealTrace>> all() {
    if (traces == null) {
      traces = start(GoToolchain.get());
    }
    return traces;
  }

  private static Map<TraceProgram, CompletableFuture<RealTrace>> start(GoToolchain go) {
    Path module = RepoRoot.get().resolve("conformance/src/test/go");
    List<String> packages = new ArrayList<>();
    for (TraceProgram p : TraceProgram.values()) {
      packages.add("./" + p.directory());
    }
    CompletableFuture<Path> binaries = CompletableFuture.supplyAsync(
        () -> go.buildPrograms(module, packages), GoToolchain.BACKGROUND);
    Path traceDir = go.newDir("traces-");
    Map<TraceProgram, CompletableFuture<RealTrace>> out = new EnumMap<>(TraceProgram.class);
    for (TraceProgram p : TraceProgram.values()) {
      out.put(p, binaries.thenApplyAsync(bin -> trace(go, p, bin, traceDir),
          GoToolchain.BACKGROUND));
    }
    return out;
  }

  private static RealTrace trace(GoToolchain go, TraceProgram program, Path binaries,
      Path traceDir) {
    Path file = traceDir.resolve(program.directory() + ".trace");
    go.run(List.of(binaries.resolve(program.directory()).toString(), file.toString()), traceDir,
        program.environment(), null, GoToolchain.RUN_TIMEOUT).requireSuccess();
    try {
      return new RealTrace(go, program, file, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
