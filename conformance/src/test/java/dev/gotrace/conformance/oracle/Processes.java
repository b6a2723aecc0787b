package dev.gotrace.conformance.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;

/** Runs child processes to completion with a timeout, capturing everything they write. */
final class Processes {
  private Processes() {}

  /**
   * Runs {@code command} in {@code dir} with {@code env} added to this JVM's environment, feeding
   * it {@code stdin} (none if null). Output goes through files, so a chatty process never blocks on
   * a full pipe. A process still running at the timeout is killed and the test fails.
   */
  static ProcessResult run(List<String> command, Path dir, Map<String, String> env, byte[] stdin,
      Duration timeout) {
    Path io = null;
    try {
      io = Files.createTempDirectory("gotrace-process-");
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
      pb.environment().putAll(env);
      Path in = io.resolve("stdin");
      Files.write(in, stdin == null ? new byte[0] : stdin);
      pb.redirectInput(in.toFile());
      pb.redirectOutput(io.resolve("stdout").toFile());
      pb.redirectError(io.resolve("stderr").toFile());
      Process p = pb.start();
      try {
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          throw new AssertionError(String.join(" ", command) + " did not finish within "
              + timeout);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while running " + command, e);
      }
      return new ProcessResult(List.copyOf(command), p.exitValue(),
          Files.readAllBytes(io.resolve("stdout")), Files.readAllBytes(io.resolve("stderr")));
    } catch (IOException e) {
      throw new UncheckedIOException("running " + command, e);
    } finally {
      if (io != null) {
        FileUtils.deleteQuietly(io.toFile());
      }
    }
  }
}
