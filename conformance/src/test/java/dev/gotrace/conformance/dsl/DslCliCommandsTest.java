package dev.gotrace.conformance.dsl;

import static com.google.common.truth.Truth.assertThat;
import static dev.gotrace.testing.truth.TraceTruth.assertThatBytes;

import dev.gotrace.cli.GotraceCommand;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.fixtures.dsl.Goroutine;
import dev.gotrace.fixtures.dsl.OsThread;
import dev.gotrace.fixtures.dsl.TraceDsl;
import dev.gotrace.fixtures.dsl.random.RandomSemanticTraces;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Trace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gotrace gen}, {@code to-java} and {@code minimize}, run as the CLI runs them. */
final class DslCliCommandsTest {
  @TempDir Path dir;

  private int gotrace(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GotraceCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    System.out.print(err);
    return code;
  }

  @Test
  void gen_writesTheSeededTraceGoAccepts() throws Exception {
    Path f = dir.resolve("gen.trace");
    assertThat(gotrace("gen", "--seed", "3", "--version", "1.25", "--events", "200", "-o",
        f.toString())).isEqualTo(0);
    assertThatBytes(Files.readAllBytes(f))
        .isByteIdenticalTo(RandomSemanticTraces.bytes(3, TraceVersion.GO_1_25, 200));
    assertThat(GoTools.parseBatch(List.of(f)).get(f).ok()).isTrue();
  }

  @Test
  void gen_badVersion_isAUsageError() {
    assertThat(gotrace("gen", "--seed", "1", "--version", "1.24", "-o",
        dir.resolve("x").toString())).isEqualTo(GotraceCommand.EXIT_USAGE_OR_IO);
  }

  @Test
  void toJava_writesASourceFile() throws Exception {
    Path f = dir.resolve("t.trace");
    Path java = dir.resolve("T.java");
    Files.write(f, RandomSemanticTraces.bytes(9, TraceVersion.GO_1_22, 50));
    assertThat(gotrace("to-java", f.toString(), "--class", "T", "--package", "x.y", "-o",
        java.toString())).isEqualTo(0);
    String source = Files.readString(java);
    assertThat(source).startsWith("package x.y;");
    assertThat(source).contains("public final class T {");
  }

  @Test
  void minimize_shrinksWhileGoStillRejectsTheSameWay() throws Exception {
    // Many valid events, one broken one: GoSyscallEndBlocked while the thread keeps its P.
    TraceDsl t = TraceDsl.create(TraceVersion.GO_1_26);
    OsThread m0 = t.thread(0).holding(t.proc(0));
    Goroutine g1 = m0.running(1);
    OsThread m1 = t.thread(1).holding(t.proc(1));
    Goroutine g2 = m1.running(2);
    for (int i = 0; i < 60; i++) {
      g2.yield();
      m1.run(g2);
      if (i % 20 == 19) {
        t.newGeneration();
      }
    }
    g1.syscall();
    m0.rawEvent(EventType.GO_SYSCALL_END_BLOCKED);
    Path big = dir.resolve("big.trace");
    Path small = dir.resolve("small.trace");
    Files.write(big, t.bytes());
    String check = GoTools.traceTool() + " -d=parsed {}";
    assertThat(gotrace("minimize", big.toString(), "-o", small.toString(), "--check", check,
        "--match", "failed to advance")).isEqualTo(0);

    Trace before = TraceDecoder.decode(Files.readAllBytes(big));
    Trace after = TraceDecoder.decode(Files.readAllBytes(small));
    assertThat(after.eventCount()).isLessThan(before.eventCount() / 5);
    assertThat(GoTools.parseBatch(List.of(small)).get(small).parseError())
        .contains("failed to advance");
  }
}
