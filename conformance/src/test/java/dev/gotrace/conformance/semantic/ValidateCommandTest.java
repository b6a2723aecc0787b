package dev.gotrace.conformance.semantic;

import static com.google.common.truth.Truth.assertThat;

import dev.gotrace.cli.GotraceCommand;
import dev.gotrace.fixtures.dsl.TraceDsl;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gotrace validate}: exit status, messages, --all, --events, --parser-only. */
final class ValidateCommandTest {
  @TempDir Path dir;

  private static final class Run {
    final int exit;
    final String out;
    final String err;

    Run(String... args) {
      StringWriter o = new StringWriter();
      StringWriter e = new StringWriter();
      exit = GotraceCommand.run(args, new PrintWriter(o), new PrintWriter(e));
      out = o.toString();
      err = e.toString();
    }
  }

  private Path seed(String name) {
    return SeedTraces.committedDirectory().resolve(name);
  }

  @Test
  void validTrace_exitsZeroAndSaysSo() {
    Run r = new Run("validate", seed("go1.26-iterpull.trace").toString());
    assertThat(r.exit).isEqualTo(0);
    assertThat(r.out).startsWith("valid: go 1.26 trace, ");
    assertThat(r.err).isEmpty();
  }

  @Test
  void truncatedTrace_exitsOneWithWhereAndWhy() throws Exception {
    byte[] trace = Files.readAllBytes(seed("go1.26-iterpull.trace"));
    Path cut = dir.resolve("cut.trace");
    Files.write(cut, Arrays.copyOf(trace, trace.length - 1));
    Run r = new Run("validate", cut.toString());
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.err).startsWith("invalid: offset " + (trace.length - 1) + ": ");
    assertThat(r.err).contains("\n  go: incomplete generation found; trace likely truncated\n");
  }

  @Test
  void all_goesOnPastTheFirstProblem() throws Exception {
    // Two empty labels: the strict checks reject each, and neither stops the parser.
    TraceDsl t = TraceDsl.create(TraceVersion.GO_1_25);
    t.thread(0).holding(t.proc(0)).running(1).thread().rawEvent(EventType.GO_LABEL, 0)
        .rawEvent(EventType.GO_LABEL, 0);
    Path p = dir.resolve("labels.trace");
    Files.write(p, t.bytes());
    Run first = new Run("validate", p.toString());
    assertThat(first.exit).isEqualTo(1);
    assertThat(first.err.lines().filter(l -> l.startsWith("invalid: ")).count()).isEqualTo(1);
    assertThat(first.err).contains("\n  go: invalid label \"\"\n");
    Run all = new Run("validate", "--all", p.toString());
    assertThat(all.exit).isEqualTo(1);
    assertThat(all.err.lines().filter(l -> l.startsWith("invalid: ")).count()).isEqualTo(2);
    assertThat(all.err.lines().filter(l -> l.equals("  go: invalid label \"\"")).count())
        .isEqualTo(2);
    assertThat(all.out).doesNotContain("valid:");
  }

  @Test
  void eventsAndParserOnly_printTheEventsAndSayWhatWasChecked() throws Exception {
    Path p = seed("go1.26-iterpull.trace");
    Run events = new Run("validate", "--events", p.toString());
    assertThat(events.exit).isEqualTo(0);
    assertThat(events.out).startsWith("M=-1 P=-1 G=-1 Sync Time=");
    Run parserOnly = new Run("validate", "--parser-only", p.toString());
    assertThat(parserOnly.exit).isEqualTo(0);
    assertThat(parserOnly.out).contains("(parser checks only)");
  }

  @Test
  void missingFileOrBadUsage_exitsTwo() {
    assertThat(new Run("validate", dir.resolve("nope.trace").toString()).exit).isEqualTo(2);
    assertThat(new Run("validate").exit).isEqualTo(2);
    assertThat(new Run("validate", "--bogus", "x").exit).isEqualTo(2);
  }

  @Test
  void notATrace_exitsOne() throws Exception {
    Path p = dir.resolve("text.trace");
    Files.writeString(p, "hello, world");
    Run r = new Run("validate", p.toString());
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.err).contains("go: bad file format: not a Go execution trace?");
  }
}
