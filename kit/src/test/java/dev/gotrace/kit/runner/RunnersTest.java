package dev.gotrace.kit.runner;

import static com.google.common.truth.Truth.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnersTest {
  private static final DecoderInput INPUT = DecoderInput.of("case", new byte[] {1, 2, 3});
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private static Response exec(String script) throws Exception {
    try (ExecRunner r = new ExecRunner(List.of("sh", "-c", script, "sh"), TIMEOUT)) {
      return r.run(INPUT);
    }
  }

  @Test
  void execReadsExitStatusStdoutAndStderr() throws Exception {
    Response ok = exec("test -s \"$1\" && echo '{\"kind\":\"Sync\"}'");
    assertThat(ok.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(ok.events()).isEqualTo("{\"kind\":\"Sync\"}\n");

    Response no = exec("echo 'bad batch' >&2; exit 1");
    assertThat(no.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(no.message()).isEqualTo("bad batch");

    Response crash = exec("kill -SEGV $$");
    assertThat(crash.outcome()).isEqualTo(Outcome.CRASHED);
    assertThat(crash.crashSite()).isEqualTo("killed by signal 11 (SIGSEGV)");

    Response exit2 = exec("exit 2");
    assertThat(exit2.outcome()).isEqualTo(Outcome.CRASHED);
    assertThat(exit2.exitCode()).isEqualTo(2);
  }

  @Test
  void execKillsAHangAndItsChildren() throws Exception {
    long start = System.nanoTime();
    Response hang = exec("sleep 30 & sleep 30; wait");
    assertThat(hang.outcome()).isEqualTo(Outcome.HUNG);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(25)); // the sleeps would take 30 s
  }

  @Test
  void streamBlamesTheInputInFlightAndRestarts() throws Exception {
    // Answers the first input, then dies on the second: a crash, and a new process for the third.
    String script = "f=/tmp/gotrace-kit-stream-$$; if [ -e \"$0\" ]; then exit 7; fi;"
        + " echo '{\"ok\":false,\"error\":\"no\"}'; head -c 7 >/dev/null; exit 3";
    try (StreamRunner r = new StreamRunner(List.of("sh", "-c", script), TIMEOUT)) {
      Response first = r.run(INPUT);
      assertThat(first.outcome()).isEqualTo(Outcome.REJECTED);
      assertThat(first.message()).isEqualTo("no");
      Response second = r.run(INPUT);
      assertThat(second.outcome()).isEqualTo(Outcome.CRASHED);
      assertThat(second.exitCode()).isEqualTo(3);
      Response third = r.run(INPUT);
      assertThat(third.outcome()).isEqualTo(Outcome.REJECTED);
      assertThat(r.starts()).isEqualTo(2);
    }
  }

  @Test
  void streamReportsAHangAndAProtocolError() throws Exception {
    try (StreamRunner r = new StreamRunner(List.of("sh", "-c", "cat >/dev/null"),
        Duration.ofMillis(300))) {
      assertThat(r.run(INPUT).outcome()).isEqualTo(Outcome.HUNG);
    }
    try (StreamRunner r = new StreamRunner(List.of("sh", "-c", "echo hello; cat >/dev/null"),
        TIMEOUT)) {
      Response bad = r.run(INPUT);
      assertThat(bad.outcome()).isEqualTo(Outcome.CRASHED);
      assertThat(bad.crashSite()).startsWith("protocol error");
    }
  }

  @Test
  void goPanicSiteIsItsTopNonRuntimeFrame() {
    String stderr = "panic: runtime error: index out of range [3] with length 3\n\n"
        + "goroutine 1 [running]:\n"
        + "panic({0x4a0, 0xc0})\n\t/usr/lib/go/src/runtime/panic.go:785 +0x132\n"
        + "internal/trace.(*Event).Range(0xc000)\n"
        + "\t/usr/lib/go/src/internal/trace/event.go:421 +0x1f4\n"
        + "main.touch(...)\n\t/x/main.go:9\n";
    assertThat(CrashSignatures.of(stderr, 2)).isEqualTo(
        "panic: runtime error: index out of range [3] with length 3"
            + " at internal/trace.(*Event).Range (trace/event.go:421)");
    assertThat(CrashSignatures.of(
        "thread 'main' panicked at src/parse.rs:10:5:\nattempt to subtract with overflow\n", 101))
        .isEqualTo("panicked at src/parse.rs:10:5: attempt to subtract with overflow");
    assertThat(CrashSignatures.of("Exception in thread \"main\" java.lang.IllegalStateException:"
        + " boom\n\tat a.B.c(B.java:3)\n", 1)).isEqualTo(
        "java.lang.IllegalStateException: boom at a.B.c(B.java:3)");
    assertThat(CrashSignatures.of("something\n", 2)).isNull();
  }
}
