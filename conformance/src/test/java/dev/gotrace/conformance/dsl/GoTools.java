package dev.gotrace.conformance.dsl;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The Go toolchain as these tests use it: {@code gotraceoracle} (built once per JVM from
 * conformance/oracle) and {@code go tool trace}. Without Go on PATH every call fails: the tests
 * are the evidence that DSL traces are what Go accepts, so they never skip.
 */
final class GoTools {
  private static Path oracle;
  private static Path traceTool;

  private GoTools() {}

  static Path repoRoot() {
    String root = System.getProperty("gotrace.repo.root");
    Path p = root != null ? Paths.get(root) : Paths.get("").toAbsolutePath().getParent();
    if (!Files.isRegularFile(p.resolve("conformance/oracle/main.go"))) {
      throw new IllegalStateException("cannot find the repository root (tried " + p + ")");
    }
    return p;
  }

  /** Builds gotraceoracle under target/ once. */
  static synchronized Path oracle() throws IOException, InterruptedException {
    if (oracle == null) {
      Path out = repoRoot().resolve("conformance/target/gotraceoracle-dsl");
      Files.createDirectories(out.getParent());
      run(List.of("bash", repoRoot().resolve("conformance/oracle/build.sh").toString(),
          out.toString()), 300);
      oracle = out;
    }
    return oracle;
  }

  /** The compiled {@code go tool trace} binary (running it directly saves the go command's start). */
  static synchronized Path traceTool() throws IOException, InterruptedException {
    if (traceTool == null) {
      String path = run(List.of("go", "tool", "-n", "trace"), 300).trim();
      traceTool = Paths.get(path);
    }
    return traceTool;
  }

  /** What Go said about one trace file. */
  record Verdict(long events, String parseError, String validateError) {
    boolean ok() {
      return parseError.isEmpty() && validateError.isEmpty();
    }

    @Override
    public String toString() {
      return ok() ? "OK (" + events + " events)"
          : (parseError.isEmpty() ? "" : "parse error: " + parseError)
              + (validateError.isEmpty() ? "" : " validator error: " + validateError);
    }
  }

  /** One {@code gotraceoracle parse-batch} run over all files. */
  static Map<Path, Verdict> parseBatch(List<Path> files) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(oracle().toString());
    cmd.add("parse-batch");
    for (Path f : files) {
      cmd.add(f.toString());
    }
    Map<Path, Verdict> out = new LinkedHashMap<>();
    for (String line : run(cmd, 600).split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      out.put(Paths.get(cols[0]), new Verdict(Long.parseLong(cols[1]), cols[2], cols[3]));
    }
    if (out.size() != files.size()) {
      throw new IllegalStateException("parse-batch answered " + out.size() + " of " + files.size());
    }
    return out;
  }

  /** One {@code gotraceoracle validate-batch} run: path to "" (OK) or the error. */
  static Map<Path, String> validateBatch(List<Path> files) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(oracle().toString());
    cmd.add("validate-batch");
    for (Path f : files) {
      cmd.add(f.toString());
    }
    Map<Path, String> out = new LinkedHashMap<>();
    for (String line : run(cmd, 600).split("\n")) {
      if (line.startsWith("OK ")) {
        out.put(Paths.get(line.substring(3)), "");
      } else if (line.startsWith("FAIL ")) {
        int colon = line.indexOf(": ", 5);
        out.put(Paths.get(line.substring(5, colon)), line.substring(colon + 2));
      }
    }
    return out;
  }

  /**
   * {@code go tool trace -d=parsed FILE} for every file, two at a time; path to "" or what it
   * printed on failure.
   */
  static Map<Path, String> goToolTraceParsed(List<Path> files)
      throws IOException, InterruptedException {
    Path tool = traceTool();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Map<Path, Future<String>> futures = new LinkedHashMap<>();
      for (Path f : files) {
        futures.put(f, pool.submit(() -> {
          Process p = new ProcessBuilder(tool.toString(), "-d=parsed", f.toString())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectErrorStream(false).start();
          String err = new String(p.getErrorStream().readAllBytes(), UTF_8);
          if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
          }
          return p.exitValue() == 0 ? "" : "exit " + p.exitValue() + ": " + err.trim();
        }));
      }
      Map<Path, String> out = new LinkedHashMap<>();
      for (Map.Entry<Path, Future<String>> e : futures.entrySet()) {
        try {
          out.put(e.getKey(), e.getValue().get());
        } catch (java.util.concurrent.ExecutionException ex) {
          out.put(e.getKey(), "could not run: " + ex.getCause());
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs a command, returns stdout; fails on a non-zero exit with stderr in the message. */
  static String run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
    Path err = Files.createTempFile("gotools", ".err");
    try {
      Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out: " + cmd.get(0));
      }
      if (p.exitValue() != 0) {
        throw new IOException(String.join(" ", cmd.subList(0, Math.min(cmd.size(), 3)))
            + " exited " + p.exitValue() + ": " + Files.readString(err));
      }
      return new String(out, UTF_8);
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
