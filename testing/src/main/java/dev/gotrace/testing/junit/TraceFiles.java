package dev.gotrace.testing.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the extension leaves a test's trace: {@code DIR/Class.method-go1.NN[-K].trace}, DIR being
 * {@code target/gotrace-traces} under the working directory (Maven runs tests in the module's
 * directory) unless the configuration parameter {@code gotrace.traces.dir} names another.
 */
final class TraceFiles {
  private final Path dir;

  TraceFiles(Path dir) {
    this.dir = dir;
  }

  /** Writes the bytes and returns the file's absolute path. */
  Path write(String testClass, String method, String version, int index, byte[] bytes)
      throws IOException {
    Files.createDirectories(dir);
    String name = testClass + "." + method + "-" + version + (index > 0 ? "-" + (index + 1) : "")
        + ".trace";
    Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_")).toAbsolutePath();
    Files.write(file, bytes);
    return file;
  }

  /** The line a developer copies to look at the trace. */
  static String openCommand(Path file) {
    return "go tool trace " + file;
  }
}
