package dev.gotrace.conformance.fuzz;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided smoke runs of the structure-aware targets ({@link StructuredFuzzTarget}) with
 * Jazzer's standalone driver, one child JVM per target, each {@value #DEFAULT_SECONDS} s: any
 * finding (an exception other than the reader's typed one, a property failure, a hang past
 * {@value #TIMEOUT_SECONDS} s, running out of memory) fails the test with the reproducer's path.
 *
 * <p>Long runs use the same test: {@code -Dgotrace.fuzz.seconds=3600} (per target), {@code
 * -Dgotrace.fuzz.targets=binary,semantic} to choose; each run prints its executions and
 * coverage, and its corpus stays in {@code conformance/target/jazzer/<target>/corpus} for the
 * next run to start from (docs/FUZZING.md records the figures).
 */
class JazzerSmokeTest {
  static final int DEFAULT_SECONDS = 10;
  static final int TIMEOUT_SECONDS = 20;
  private static final int SECONDS = Integer.getInteger("gotrace.fuzz.seconds", DEFAULT_SECONDS);
  private static final List<String> TARGETS =
      List.of(System.getProperty("gotrace.fuzz.targets", "binary,semantic,text").split(","));
  private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");
  private static final Pattern COVERAGE = Pattern.compile("cov: (\\d+) ft: (\\d+) corp: (\\d+)");

  @Test
  void binary() throws Exception {
    smoke("binary");
  }

  @Test
  void semantic() throws Exception {
    smoke("semantic");
  }

  @Test
  void text() throws Exception {
    smoke("text");
  }

  private static void smoke(String target) throws Exception {
    if (!TARGETS.contains(target)) {
      System.out.println("jazzer " + target + ": not in -Dgotrace.fuzz.targets");
      return;
    }
    Path work = Path.of("target", "jazzer", target).toAbsolutePath();
    Path corpus = work.resolve("corpus");
    Path findings = work.resolve("findings");
    Files.createDirectories(corpus);
    if (Files.isDirectory(findings)) {
      try (Stream<Path> old = Files.list(findings)) {
        for (Path f : (Iterable<Path>) old::iterator) {
          Files.delete(f); // a finding of an earlier run is in that run's log, not this one's
        }
      }
    }
    Files.createDirectories(findings);
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Xmx1g", "-XX:+UseSerialGC",
        "-D" + StructuredFuzzTarget.TARGET_PROPERTY + "=" + target,
        "com.code_intelligence.jazzer.Jazzer",
        "--target_class=" + StructuredFuzzTarget.class.getName(),
        "--instrumentation_includes=dev.gotrace.**",
        "-max_total_time=" + SECONDS,
        "-timeout=" + TIMEOUT_SECONDS,
        "-rss_limit_mb=2560",
        "-print_final_stats=1",
        "-artifact_prefix=" + findings + "/",
        corpus.toString()));
    long started = System.nanoTime();
    Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
        .start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(SECONDS + 120L, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("jazzer " + target + " did not stop");
    }
    String log = new String(out, UTF_8);
    Files.writeString(work.resolve("last-run.log"), log, UTF_8);
    Matcher done = DONE.matcher(log);
    String tail = log.substring(Math.max(0, log.length() - 4000));
    assertWithMessage("jazzer %s exited %s; findings in %s\n%s", target, p.exitValue(), findings,
        tail).that(p.exitValue()).isEqualTo(0);
    assertWithMessage(tail).that(done.find()).isTrue();
    long runs = Long.parseLong(done.group(1));
    String coverage = "";
    for (Matcher m = COVERAGE.matcher(log); m.find(); ) {
      coverage = m.group();
    }
    System.out.printf("jazzer %s: %d runs in %d s (%.0f/s wall %.0f s), %s, findings: %d%n",
        target, runs, Long.parseLong(done.group(2)),
        runs / Math.max(1.0, Double.parseDouble(done.group(2))),
        (System.nanoTime() - started) / 1e9, coverage, count(findings));
    assertThat(runs).isGreaterThan(0L);
    assertThat(count(findings)).isEqualTo(0);
  }

  private static long count(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }
}
