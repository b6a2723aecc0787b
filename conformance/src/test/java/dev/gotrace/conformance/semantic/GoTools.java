package dev.gotrace.conformance.semantic;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Go toolchain as these tests use it: the oracle (Go's own trace parser and test validator,
 * built from {@code conformance/oracle}) and {@code go} itself. Without Go the tests fail rather
 * than skip: Go is the source of truth they compare with.
 */
final class GoTools {
  private static Path oracle;

  private GoTools() {}

  static Path repoRoot() {
    Path p = Paths.get("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("conformance/oracle/main.go"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new AssertionError(
          "cannot find the repository root above " + Paths.get("").toAbsolutePath());
    }
    return p;
  }

  /** The oracle binary, built once per test JVM into this module's target directory. */
  static synchronized Path oracle() throws IOException, InterruptedException {
    if (oracle == null) {
      Path root = repoRoot();
      Path out = root.resolve("conformance/target/semantic-oracle/gotraceoracle");
      Files.createDirectories(out.getParent());
      Result r = run(root, List.of(root.resolve("conformance/oracle/build.sh").toString(),
          out.toString()), null, 300);
      if (r.exit != 0) {
        throw new AssertionError("building the Go oracle failed (is Go installed?): " + r.stderr);
      }
      oracle = out;
    }
    return oracle;
  }

  /** The output of a finished command. */
  static final class Result {
    final int exit;
    final byte[] stdout;
    final String stderr;

    Result(int exit, byte[] stdout, String stderr) {
      this.exit = exit;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    String out() {
      return new String(stdout, UTF_8);
    }
  }

  static Result run(Path dir, List<String> command, byte[] stdin, int timeoutSeconds)
      throws IOException, InterruptedException {
    return run(dir, command, stdin, timeoutSeconds, Map.of());
  }

  static Result run(Path dir, List<String> command, byte[] stdin, int timeoutSeconds,
      Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile());
    b.environment().putIfAbsent("GOTOOLCHAIN", "local");
    b.environment().put("GOFLAGS", "-buildvcs=false");
    b.environment().putAll(env);
    Path err = Files.createTempFile("gotrace-semantic", ".stderr");
    b.redirectError(err.toFile());
    if (stdin == null) {
      b.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    Process p;
    try {
      p = b.start();
    } catch (IOException e) {
      throw new AssertionError("cannot start " + command.get(0)
          + " (these tests need the Go toolchain on PATH): " + e.getMessage(), e);
    }
    if (stdin != null) {
      Thread feeder = new Thread(() -> {
        try (var in = p.getOutputStream()) {
          in.write(stdin);
        } catch (IOException ignored) {
          // The process may exit before reading everything; its exit status tells.
        }
      });
      feeder.start();
    }
    byte[] out = readAll(p.getInputStream());
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not finish in " + timeoutSeconds + "s");
    }
    String stderr = Files.readString(err, UTF_8);
    Files.deleteIfExists(err);
    return new Result(p.exitValue(), out, stderr);
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    in.transferTo(o);
    return o.toByteArray();
  }
}
