package dev.gotrace.kit.adapters;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The Go side of the kit's tests: finds {@code go} (missing Go fails the tests, never skips
 * them: Go is the oracle), and builds the adapters of {@code conformance/adapters/go} once per
 * JVM, in the background: Go's own parser of the installed toolchain ({@code
 * build-goparser.sh local}) and golang.org/x/exp/trace at the version pinned in its go.mod.
 */
public final class GoAdapters {
  private static GoAdapters instance;

  private final Path go;
  private final Path dir;
  private final CompletableFuture<Path> goParser;
  private final CompletableFuture<Path> xexp;
  private final CompletableFuture<Path> traceTool;

  private GoAdapters(Path go, Path dir) {
    this.go = go;
    this.dir = dir;
    Path adapters = repoRoot().resolve("conformance/adapters/go");
    this.goParser = CompletableFuture.supplyAsync(() -> {
      Path out = dir.resolve("goparser");
      run(List.of("bash", adapters.resolve("build-goparser.sh").toString(), "local",
          out.toString()), adapters);
      return out;
    });
    this.xexp = CompletableFuture.supplyAsync(() -> {
      Path out = dir.resolve("xexp");
      run(List.of(go.toString(), "build", "-o", out.toString(), "."), adapters);
      return out;
    });
    this.traceTool = CompletableFuture.supplyAsync(() ->
        Path.of(run(List.of(go.toString(), "tool", "-n", "trace"), dir).strip()));
  }

  public static synchronized GoAdapters get() {
    if (instance == null) {
      try {
        Path dir = Files.createTempDirectory("gotrace-kit-go-");
        dir.toFile().deleteOnExit();
        instance = new GoAdapters(findGo(), dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  public static Path repoRoot() {
    String root = System.getProperty("gotrace.repo.root");
    if (root == null) {
      throw new AssertionError("gotrace.repo.root is not set (Maven sets it; see the root pom)");
    }
    return Path.of(root);
  }

  /** Go's own parser of the installed toolchain, as an adapter binary. */
  public Path goParser() {
    return await(goParser);
  }

  /** golang.org/x/exp/trace at the pinned version, as an adapter binary. */
  public Path xexp() {
    return await(xexp);
  }

  /** The binary {@code go tool trace} runs. */
  public Path traceTool() {
    return await(traceTool);
  }

  /** Runs {@code go tool trace -d=parsed FILE}; its stdout, or an error with its stderr. */
  public String goToolTraceParsed(Path file) {
    return run(List.of(traceTool().toString(), "-d=parsed", file.toString()), dir);
  }

  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof Error err ? err : new AssertionError(e.getCause());
    }
  }

  /** Runs a command with the installed toolchain pinned; its stdout, or an AssertionError. */
  String run(List<String> command, Path workDir) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
      Map<String, String> env = pb.environment();
      env.put("PATH", go.getParent() + File.pathSeparator + env.getOrDefault("PATH", ""));
      env.put("GOTOOLCHAIN", "local");
      env.put("GOFLAGS", "-buildvcs=false");
      env.put("GOWORK", "off");
      Path err = Files.createTempFile(dir, "stderr-", ".txt");
      pb.redirectError(err.toFile());
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed:\n" + Files.readString(err));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Path findGo() {
    List<Path> candidates = new ArrayList<>();
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!d.isEmpty()) {
        candidates.add(Path.of(d, "go"));
      }
    }
    candidates.add(Path.of("/usr/local/go/bin/go"));
    for (Path p : candidates) {
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p.toAbsolutePath();
      }
    }
    throw new AssertionError("Go is required: the conformance kit's tests use Go's own parser as"
        + " the oracle, but no `go` is on PATH or in /usr/local/go/bin");
  }
}
