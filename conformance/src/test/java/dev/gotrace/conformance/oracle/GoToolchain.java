package dev.gotrace.conformance.oracle;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.io.FileUtils;

/**
 * The installed Go toolchain as gotrace's oracle: it finds {@code go}, builds the oracle tool
 * ({@code conformance/oracle}) and locates {@code go tool trace}, each once per JVM, and runs
 * commands with timeouts.
 *
 * <p>Go is required: without it every oracle test fails rather than skips, because a skipped
 * oracle test would let CI pass without ever comparing gotrace with Go.
 *
 * <p>The builds start in the background as soon as the toolchain is first used, so the cold-cache
 * compile of {@code cmd/trace}, the oracle and the test programs overlap.
 */
final class GoToolchain {
  /** Cold-cache builds compile parts of the standard library; slow CI machines need the room. */
  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
  /** Every other command: the tools, the oracle, the traced programs. */
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

  /**
   * Runs the builds and the traced programs side by side. Not the common pool: on a two-core CI
   * machine that has one thread, which would run the builds one after another.
   */
  static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(GoToolchain::daemon);

  /**
   * Runs Go's tools over the real traces: as many at a time as there are cores, since each is
   * CPU-bound and some hold a whole parsed trace in memory.
   */
  static final ExecutorService TOOLS = Executors.newFixedThreadPool(
      Math.max(2, Runtime.getRuntime().availableProcessors()), GoToolchain::daemon);

  private static GoToolchain instance;

  private final Path go;
  private final Path workDir;
  private final CompletableFuture<Path> oracle;
  private final CompletableFuture<Path> traceTool;

  private GoToolchain(Path go, Path workDir) {
    this.go = go;
    this.workDir = workDir;
    this.oracle = CompletableFuture.supplyAsync(this::buildOracle, BACKGROUND);
    this.traceTool = CompletableFuture.supplyAsync(this::locateTraceTool, BACKGROUND);
  }

  /** The toolchain, found and set up on first use; fails the calling test if Go is missing. */
  static synchronized GoToolchain get() {
    if (instance == null) {
      Path go = findGo();
      Path dir;
      try {
        dir = Files.createTempDirectory("gotrace-oracle-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> FileUtils.deleteQuietly(dir.toFile())));
      instance = new GoToolchain(go, dir);
    }
    return instance;
  }

  /** The {@code go} command. */
  Path go() {
    return go;
  }

  /** A scratch directory that lives as long as the JVM. */
  Path workDir() {
    return workDir;
  }

  /** A new, empty directory under {@link #workDir}. */
  Path newDir(String prefix) {
    try {
      return Files.createTempDirectory(workDir, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The oracle tool (see {@code conformance/oracle/main.go}), built once per JVM. */
  Path oracle() {
    return await(oracle, "building the oracle");
  }

  /** Runs the oracle with these arguments, feeding it {@code stdin}. */
  ProcessResult oracle(byte[] stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(oracle().toString());
    command.addAll(Arrays.asList(args));
    return run(command, RepoRoot.get(), Map.of(), stdin, RUN_TIMEOUT);
  }

  /**
   * The executable {@code go tool trace} runs. Go builds cmd/trace on demand and caches it;
   * {@code go tool -n trace} prints the cached binary, and calling it directly saves the go
   * command's start-up on every one of the many calls the tests make.
   */
  Path traceTool() {
    return await(traceTool, "building go tool trace");
  }

  /** {@code go tool trace -d=MODE FILE}. */
  ProcessResult goToolTrace(String mode, Path file) {
    return run(List.of(traceTool().toString(), "-d=" + mode, file.toString()), RepoRoot.get(),
        Map.of(), null, RUN_TIMEOUT);
  }

  /**
   * Builds the main packages {@code packages} (relative to {@code moduleDir}, such as {@code
   * ./sched}) with one go command, into a new directory holding one binary per package.
   */
  Path buildPrograms(Path moduleDir, List<String> packages) {
    Path out = newDir("bin-");
    List<String> command = new ArrayList<>(List.of(go.toString(), "build", "-trimpath", "-o",
        out.toString() + File.separator));
    command.addAll(packages);
    run(command, moduleDir, Map.of(), null, BUILD_TIMEOUT).requireSuccess();
    return out;
  }

  /**
   * Runs a command to completion (see {@link Processes#run}) in an environment that pins the go
   * command to the installed toolchain ({@code GOTOOLCHAIN=local}, this {@code go} first on PATH)
   * and ignores the caller's GOFLAGS and go.work; {@code extraEnv} comes on top. VCS stamping is
   * off: the binaries need none, and git refuses to run in checkouts owned by another user (as in
   * CI containers), which would fail the build.
   */
  ProcessResult run(List<String> command, Path dir, Map<String, String> extraEnv, byte[] stdin,
      Duration timeout) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", go.getParent() + File.pathSeparator + System.getenv().getOrDefault("PATH", ""));
    env.put("GOTOOLCHAIN", "local");
    env.put("GOFLAGS", "-buildvcs=false");
    env.put("GOWORK", "off");
    env.putAll(extraEnv);
    return Processes.run(command, dir, env, stdin, timeout);
  }

  private Path buildOracle() {
    Path out = newDir("oracle-").resolve("gotraceoracle");
    Path script = RepoRoot.get().resolve("conformance/oracle/build.sh");
    run(List.of("bash", script.toString(), out.toString()), RepoRoot.get(), Map.of(), null,
        BUILD_TIMEOUT).requireSuccess();
    return out;
  }

  private Path locateTraceTool() {
    ProcessResult r = run(List.of(go.toString(), "tool", "-n", "trace"), workDir, Map.of(), null,
        BUILD_TIMEOUT).requireSuccess();
    Path tool = Path.of(r.stdoutText().trim());
    if (!Files.isExecutable(tool)) {
      throw new AssertionError("go tool -n trace printed " + r.stdoutText().trim()
          + ", which is not an executable");
    }
    return tool;
  }

  private static Thread daemon(Runnable task) {
    Thread t = new Thread(task, "go-oracle");
    t.setDaemon(true);
    return t;
  }

  /** Waits for a background task; its assertion failures reach the test as they are. */
  static <T> T await(CompletableFuture<T> future, String what) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new AssertionError(what + " failed", cause);
    }
  }

  /**
   * The {@code go} command: the first on PATH, else {@code $GOROOT/bin/go}, else the usual
   * install location. Missing Go is a test failure with a message saying how to fix it.
   */
  private static Path findGo() {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir, "go"));
        }
      }
    }
    String goroot = System.getenv("GOROOT");
    if (goroot != null && !goroot.isEmpty()) {
      candidates.add(Path.of(goroot, "bin", "go"));
    }
    candidates.add(Path.of("/usr/local/go/bin/go"));
    for (Path p : candidates) {
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p.toAbsolutePath();
      }
    }
    throw new AssertionError("the Go toolchain is required: gotrace's oracle tests compare it"
        + " with Go's own trace tools, but no `go` was found on PATH ("
        + path + "), in $GOROOT/bin or in /usr/local/go/bin. Install Go 1.26 or put it on PATH.");
  }
}
