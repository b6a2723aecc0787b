package dev.gotrace.conformance.semantic;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gotrace.cli.GotraceCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real traces, judged by gotrace and by Go: traces written at test time by a small program
 * ({@code seedprog}) with the installed Go and with older toolchains (Go 1.22 to 1.25 write the
 * older formats; {@code -Dgotrace.semantic.toolchains} chooses them), the committed seed traces,
 * Go's own parser test traces, and the conformance corpus. Each must get Go's answers (verdict,
 * panic, message, printed events), and for each that Go accepts, {@code gotrace dump --parsed}
 * must print exactly what {@code go tool trace -d=parsed} prints.
 */
final class RealTracesTest {
  /**
   * Older toolchains to run seedprog with ({@code GOTOOLCHAIN} values). Each is required: Go
   * fetches one that is not in its module cache (as on CI), and one that cannot be had fails the
   * test with the reason.
   */
  private static final String OLDER_TOOLCHAINS = System.getProperty(
      "gotrace.semantic.toolchains", "go1.22.12 go1.23.12 go1.24.13 go1.25.14");

  private static final List<SeedTraces.Seed> TRACES = new ArrayList<>();

  @BeforeAll
  static void collect() throws Exception {
    Path work = GoTools.repoRoot().resolve("conformance/target/semantic-real");
    Files.createDirectories(work);
    // The installed Go is the reference; the older ones write the older formats.
    TRACES.addAll(runSeedProgram("local", work));
    for (String tc : OLDER_TOOLCHAINS.trim().split("\\s+")) {
      if (!tc.isEmpty()) {
        TRACES.addAll(runSeedProgram(tc, work));
      }
    }
    TRACES.addAll(SeedTraces.committed());
    TRACES.addAll(SeedTraces.goTestdata());
    TRACES.addAll(SeedTraces.corpus(Long.MAX_VALUE));
    System.out.println("real traces: " + TRACES.size());
  }

  /** Builds and runs seedprog with one toolchain; returns its traces. */
  private static List<SeedTraces.Seed> runSeedProgram(String toolchain, Path work)
      throws IOException, InterruptedException {
    Path src = GoTools.repoRoot()
        .resolve("conformance/src/test/resources/dev/gotrace/conformance/semantic/seedprog");
    Path bin = work.resolve("seedprog-" + toolchain);
    GoTools.Result built = GoTools.run(src,
        List.of("go", "build", "-trimpath", "-o", bin.toString(), "."), null, 600,
        Map.of("GOTOOLCHAIN", toolchain));
    if (built.exit != 0) {
      throw new AssertionError("building seedprog with GOTOOLCHAIN=" + toolchain + " failed"
          + " (it writes the traces of that Go's format; choose others with"
          + " -Dgotrace.semantic.toolchains): " + built.stderr.strip());
    }
    List<SeedTraces.Seed> out = new ArrayList<>();
    String[] periods = {"2000000", "500000"};
    for (String period : periods) {
      Path trace = work.resolve("seedprog-" + toolchain + "-" + period + ".trace");
      GoTools.Result ran = GoTools.run(work, List.of(bin.toString(), trace.toString()), null, 120,
          Map.of("GOMAXPROCS", "2", "GODEBUG", "traceadvanceperiod=" + period));
      if (ran.exit != 0) {
        throw new AssertionError("seedprog (" + toolchain + ") failed: " + ran.stderr);
      }
      out.add(new SeedTraces.Seed("fresh/" + trace.getFileName(), Files.readAllBytes(trace)));
    }
    return out;
  }

  /** Verdict, panic, message and printed events, scored as the differential test scores them. */
  @Test
  void everyRealTraceGetsGosAnswers() throws Exception {
    List<byte[]> bytes = new ArrayList<>();
    for (SeedTraces.Seed s : TRACES) {
      bytes.add(s.bytes);
    }
    List<OracleVerdicts.Pair> go = OracleVerdicts.of(bytes);
    Path out = GoTools.repoRoot().resolve("conformance/target/semantic-real/disagreements");
    Files.createDirectories(out);
    Scores scores = new Scores(KnownDisagreements.load(), out);
    for (int i = 0; i < TRACES.size(); i++) {
      scores.add(i, TRACES.get(i).name, bytes.get(i), go.get(i), JavaVerdicts.of(bytes.get(i)));
    }
    System.out.println(scores);
    assertWithMessage("%s\nanswers that differ from Go's", scores).that(scores.unexplained())
        .isEmpty();
    // Go's parser tests include traces its parser rejects (go122-fail-*): they must be compared.
    assertWithMessage("%s\nrejected traces compared by message", scores)
        .that(scores.message("parsed").total).isAtLeast(2);
  }

  @Test
  void dumpParsedPrintsWhatGoToolTracePrints() throws Exception {
    Path work = GoTools.repoRoot().resolve("conformance/target/semantic-real");
    List<String> wrong = new ArrayList<>();
    int compared = 0;
    for (int i = 0; i < TRACES.size(); i++) {
      SeedTraces.Seed s = TRACES.get(i);
      Path f = work.resolve("case-" + i + ".trace");
      Files.write(f, s.bytes);
      GoTools.Result go = GoTools.run(work, List.of("go", "tool", "trace", "-d=parsed",
          f.toString()), null, 120);
      if (go.exit != 0) {
        continue; // Go rejects it: the verdict test covers it.
      }
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = GotraceCommand.run(new String[] {"dump", "--parsed", f.toString()},
          new PrintWriter(out), new PrintWriter(err));
      compared++;
      String expected = new String(go.stdout, UTF_8);
      String actual = out.toString();
      if (exit != 0 || !expected.equals(actual)) {
        wrong.add(s.name + ": " + (exit != 0 ? "exit " + exit + ": " + err
            : firstDifference(expected, actual)));
      }
    }
    System.out.println("dump --parsed compared with go tool trace -d=parsed on " + compared
        + " traces");
    assertWithMessage("traces whose dump differs from go tool trace -d=parsed").that(wrong)
        .isEmpty();
    assertWithMessage("traces compared").that(compared).isAtLeast(10);
  }

  private static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String x = i < e.length ? e[i] : "<end>";
      String y = i < a.length ? a[i] : "<end>";
      if (!x.equals(y)) {
        return "line " + (i + 1) + ": go tool trace: " + x + " | gotrace: " + y;
      }
    }
    return "?";
  }
}
