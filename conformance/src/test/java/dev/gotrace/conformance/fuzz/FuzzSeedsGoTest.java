package dev.gotrace.conformance.fuzz;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gotrace.cli.GotraceCommand;
import dev.gotrace.fixtures.mutate.FuzzSeeds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gotrace fuzz seeds --format go} writes a corpus Go's fuzzing reads: the Go fuzz target
 * over {@code golang.org/x/exp/trace} in {@code conformance/fuzz-go} (its own go.mod, x/exp
 * pinned) is compiled once and run in a directory holding only the exported {@code
 * testdata/fuzz/FuzzTrace/}. Every seed must reach the target with exactly its bytes: the target
 * logs the SHA-256 of each input, and the logged set must equal the set of the seeds' hashes.
 *
 * <p>With {@code -Dgotrace.fuzz.goFuzz=true} a second test also runs {@code -fuzz} for three
 * seconds and checks that Go's engine starts from all seeds ("gathering baseline coverage:
 * 0/N" with N the seed count; its coverage-instrumented build takes minutes the first time).
 */
class FuzzSeedsGoTest {
  private static final String[] SEED_OPTIONS = {"--random", "2", "--events", "200"};

  @Test
  void goTestRunsEverySeedWithItsExactBytes(@TempDir Path tmp) throws Exception {
    List<FuzzSeeds.Seed> seeds = exportAndExpect(tmp);
    Path bin = compile(tmp, false);
    Path log = tmp.resolve("seed.log");
    String out = run(tmp, log, bin.toString(), "-test.run=FuzzTrace", "-test.v");
    Map<String, Integer> verdicts = new HashMap<>();
    Set<String> logged = new HashSet<>();
    for (String line : Files.readAllLines(log, UTF_8)) {
      String[] f = line.split(" ");
      logged.add(f[0]);
      verdicts.merge(f[1], 1, Integer::sum);
    }
    System.out.println("x/exp on " + seeds.size() + " seeds: " + verdicts);
    assertWithMessage(out).that(Files.readAllLines(log, UTF_8)).hasSize(seeds.size());
    assertThat(logged).isEqualTo(hashes(seeds));
    assertThat(verdicts.getOrDefault("ok", 0)).isGreaterThan(0);
    assertThat(verdicts.getOrDefault("error", 0)).isGreaterThan(0);
  }

  @Test
  void goFuzzStartsFromTheSeeds(@TempDir Path tmp) throws Exception {
    if (!Boolean.getBoolean("gotrace.fuzz.goFuzz")) {
      System.out.println("goFuzzStartsFromTheSeeds: run with -Dgotrace.fuzz.goFuzz=true");
      return;
    }
    List<FuzzSeeds.Seed> seeds = exportAndExpect(tmp);
    Path bin = compile(tmp, true);
    String out = run(tmp, tmp.resolve("seed.log"), bin.toString(), "-test.run=XXX",
        "-test.fuzz=FuzzTrace", "-test.fuzztime=3s", "-test.parallel=1",
        "-test.fuzzcachedir=" + tmp.resolve("fuzzcache"));
    Matcher m = Pattern.compile("gathering baseline coverage: 0/(\\d+) completed").matcher(out);
    assertWithMessage(out).that(m.find()).isTrue();
    assertThat(Integer.parseInt(m.group(1))).isEqualTo(seeds.size());
  }

  /** Exports with the CLI into {@code tmp}; returns the same seeds built in process. */
  private static List<FuzzSeeds.Seed> exportAndExpect(Path tmp) {
    List<String> args = new ArrayList<>(List.of("fuzz", "seeds", "--format", "go", "-o",
        tmp.toString()));
    args.addAll(List.of(SEED_OPTIONS));
    StringWriter err = new StringWriter();
    int code = GotraceCommand.run(args.toArray(new String[0]), new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertWithMessage(err.toString()).that(code).isEqualTo(0);
    List<FuzzSeeds.Seed> seeds = FuzzSeeds.builder().random(2, 200).build().build();
    assertThat(seeds.size()).isGreaterThan(200);
    return seeds;
  }

  private static Set<String> hashes(List<FuzzSeeds.Seed> seeds) throws Exception {
    Set<String> out = new HashSet<>();
    for (FuzzSeeds.Seed s : seeds) {
      out.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.bytes())));
    }
    return out;
  }

  private static Path goDir() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("conformance/fuzz-go/go.mod"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("conformance/fuzz-go not found above the working directory");
    }
    return p.resolve("conformance/fuzz-go");
  }

  /** Compiles the fuzz target's test binary (from the build cache after the first time). */
  private static Path compile(Path tmp, boolean instrumented) throws Exception {
    Path bin = tmp.resolve(instrumented ? "fuzzgo-fuzz.test" : "fuzzgo.test");
    List<String> cmd = new ArrayList<>(List.of("go", "test", "-c", "-o", bin.toString()));
    if (instrumented) {
      cmd.add("-fuzz=FuzzTrace");
    }
    cmd.add(".");
    String out = exec(goDir(), null, cmd, 900);
    assertWithMessage(out).that(Files.isExecutable(bin)).isTrue();
    return bin;
  }

  private static String run(Path dir, Path log, String... cmd) throws Exception {
    return exec(dir, log, List.of(cmd), 300);
  }

  private static String exec(Path dir, Path log, List<String> cmd, int timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GOTOOLCHAIN", "local");
    pb.environment().put("GOFLAGS", "-mod=readonly");
    if (log != null) {
      pb.environment().put("GOTRACE_SEED_LOG", log.toString());
    }
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " timed out");
    }
    String text = new String(out, UTF_8);
    assertWithMessage("%s\n%s", String.join(" ", cmd), text).that(p.exitValue()).isEqualTo(0);
    return text;
  }
}
