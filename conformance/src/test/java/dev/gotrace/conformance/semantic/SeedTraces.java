package dev.gotrace.conformance.semantic;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Real traces to start from: the small traces committed next to these tests (written by Go 1.22
 * to 1.26 runtimes), the hand-made traces of Go's own parser tests ({@code
 * GOROOT/src/internal/trace/testdata/tests}, converted with Go's text converter), and the
 * conformance corpus. All deterministic, so results reproduce; a missing source fails the test
 * that asked for it (each is an oracle input, not an option).
 */
final class SeedTraces {
  /** One starting trace. */
  static final class Seed {
    final String name;
    final byte[] bytes;

    Seed(String name, byte[] bytes) {
      this.name = name;
      this.bytes = bytes;
    }
  }

  /** Corpus traces larger than this are left out of mutation runs (they would dominate). */
  static final int MAX_CORPUS_SEED = 64 << 10;

  private SeedTraces() {}

  static Path committedDirectory() {
    return GoTools.repoRoot()
        .resolve("conformance/src/test/resources/dev/gotrace/conformance/semantic/seeds");
  }

  static List<Seed> committed() throws IOException {
    return read(committedDirectory(), "seeds/", Long.MAX_VALUE);
  }

  /**
   * The conformance corpus ({@code conformance/corpus/go1.NN/*.trace}, traces of at most {@code
   * maxSize} bytes). It is committed: missing, it fails the test that asked.
   */
  static List<Seed> corpus(long maxSize) throws IOException {
    Path dir = GoTools.repoRoot().resolve("conformance/corpus");
    List<Seed> c = Files.isDirectory(dir) ? read(dir, "corpus/", Long.MAX_VALUE) : List.of();
    if (c.isEmpty()) {
      throw new AssertionError("the conformance corpus is missing: no traces in " + dir);
    }
    c.removeIf(s -> s.bytes.length > maxSize);
    return c;
  }

  private static List<Seed> read(Path dir, String prefix, long maxSize) throws IOException {
    List<Seed> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".trace")).sorted()
          .collect(Collectors.toList())) {
        if (Files.size(p) <= maxSize) {
          out.add(new Seed(prefix + dir.relativize(p), Files.readAllBytes(p)));
        }
      }
    }
    return out;
  }

  /**
   * Go's parser test traces, as bytes (Go's text2bytes). They are an oracle input: a GOROOT
   * without them (a toolchain stripped of its tests), a file without a trace or one Go cannot
   * convert fails the test that asked, with the reason, instead of leaving them out.
   */
  static List<Seed> goTestdata() throws IOException, InterruptedException {
    GoTools.Result goroot = GoTools.run(GoTools.repoRoot(), List.of("go", "env", "GOROOT"), null,
        60);
    if (goroot.exit != 0 || goroot.out().isBlank()) {
      throw new AssertionError("`go env GOROOT` failed: " + goroot.stderr);
    }
    Path dir = Path.of(goroot.out().trim()).resolve("src/internal/trace/testdata/tests");
    if (!Files.isDirectory(dir)) {
      throw new AssertionError("Go's parser test traces are missing: " + dir + " is not a"
          + " directory (these tests need a full Go installation, GOROOT with its sources)");
    }
    Path oracle = GoTools.oracle();
    List<Seed> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".test")).sorted()
          .collect(Collectors.toList())) {
        String text = Files.readString(p, UTF_8);
        int at = text.indexOf("-- trace --\n");
        if (at < 0) {
          throw new AssertionError(p + " has no \"-- trace --\" section");
        }
        byte[] trace = text.substring(at + "-- trace --\n".length()).getBytes(UTF_8);
        GoTools.Result r = GoTools.run(GoTools.repoRoot(),
            List.of(oracle.toString(), "text2bytes"), trace, 60);
        if (r.exit != 0) {
          throw new AssertionError("Go's text2bytes cannot convert " + p + ": " + r.stderr);
        }
        out.add(new Seed("go-testdata/" + p.getFileName(), r.stdout));
      }
    }
    if (out.size() < 10) {
      throw new AssertionError("only " + out.size() + " of Go's parser test traces in " + dir);
    }
    return out;
  }
}
