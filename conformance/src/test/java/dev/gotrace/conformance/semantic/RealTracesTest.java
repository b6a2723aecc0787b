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
 * ({@code seedprog}) with the installed Go and with every older toolchain in Go's module cache
 * (Go 1.22 to 1.25 write the older formats; set {@code -Dgotrace.semantic.toolchains} to choose), the committed seed traces, Go's own parser test
 * traces, and the conformance corpus when present. Each must get Go's verdicts, and for each that
 * Go accepts, {@code gotrace dump --parsed} must print exactly what {@code go tool trace
 * -d=parsed} prints.
 */
final class RealTracesTest {
  /** Older toolchains to try ({@code GOTOOLCHAIN} values); missing ones are reported, not fatal. */
  private static final String OLDER_TOOLCHAINS = System.getProperty(
      "gotrace.semantic.toolchains", "go1.22.12 go1.23.12 go1.24.13 go1.25.14");

  private static final List<SeedTraces.Seed> TRACES = new ArrayList<>();
  private static final List<String> NOTES = new ArrayList<>();

  @BeforeAll
  static void collect() throws Exception {
    Path work = GoTools.repoRoot().resolve("conformance/target/semantic-real");
    Files.createDirectories(work);
    // The installed Go must work: it is the reference.
    TRACES.addAll(runSeedProgram("local", work, true));
    for (String tc : OLDER_TOOLCHAINS.trim().split("\\s+")) {
      if (!tc.isEmpty()) {
        TRACES.addAll(runSeedProgram(tc, work, false));
      }
    }
    TRACES.addAll(SeedTraces.committed());
    TRACES.addAll(SeedTraces.goTestdata());
    TRACES.addAll(SeedTraces.corpus(Long.MAX_VALUE));
    System.out.println("real traces: " + TRACES.size() + (NOTES.isEmpty() ? "" : "; " + NOTES));
  }

  /** Builds and runs seedprog with one toolchain; returns its traces. */
  private static List<SeedTraces.Seed> runSeedProgram(String toolchain, Path work,
      boolean required) throws IOException, InterruptedException {
    Path src = GoTools.repoRoot()
        .resolve("conformance/src/test/resources/dev/gotrace/conformance/semantic/seedprog");
    Path bin = work.resolve("seedprog-" + toolchain);
    // Older toolchains only from the module cache: downloading them would cost minutes.
    Map<String, String> env = required ? Map.of("GOTOOLCHAIN", toolchain)
        : Map.of("GOTOOLCHAIN", toolchain, "GOPROXY", "off");
    GoTools.Result built = GoTools.run(src, List.of("go", "build", "-o", bin.toString(), "."),
        null, 300, env);
    if (built.exit != 0) {
      if (required) {
        throw new AssertionError("building seedprog with the installed Go failed: "
            + built.stderr);
      }
      NOTES.add(toolchain + " unavailable (" + built.stderr.strip().lines().reduce((a, b) -> b)
          .orElse("") + ")");
      return List.of();
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

  @Test
  void everyRealTraceGetsGosVerdicts() throws Exception {
    List<byte[]> bytes = new ArrayList<>();
    for (SeedTraces.Seed s : TRACES) {
      bytes.add(s.bytes);
    }
    List<OracleVerdicts.Pair> go = OracleVerdicts.of(bytes);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < TRACES.size(); i++) {
      JavaVerdicts ours = JavaVerdicts.of(bytes.get(i));
      OracleVerdicts.Pair g = go.get(i);
      if (ours.parsed.ok != g.parsed.ok || ours.full.ok != g.full.ok) {
        wrong.add(TRACES.get(i).name + ": go " + g.parsed + " / " + g.full + "; gotrace "
            + ours.parsed + " / " + ours.full);
      }
    }
    assertWithMessage("verdicts (parser / parser+validator) that differ from Go's")
        .that(wrong).isEmpty();
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
