package dev.gotrace.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class FailuresTest {
  private static final long MIB = 1 << 20;

  @Test
  void heapExhausted_saysWhatRanOut_andHowToGiveMore() {
    String line = Failures.outOfMemory(new OutOfMemoryError("Java heap space"), 64 * MIB);

    assertThat(line).isEqualTo("out of memory: the Java heap (at most 64 MiB) is too small for"
        + " this input; give Java more heap, e.g. JAVA_OPTS=-Xmx2g ./gotrace ...");
  }

  @Test
  void heapExhausted_onABigHeap_suggestsTwiceAsMuch() {
    String line = Failures.outOfMemory(new OutOfMemoryError("Java heap space"), 3L << 30);

    assertThat(line).contains("(at most 3072 MiB)");
    assertThat(line).contains("JAVA_OPTS=-Xmx6g ");
  }

  @Test
  void arrayLimit_saysMoreHeapDoesNotHelp() {
    String line = Failures.outOfMemory(
        new OutOfMemoryError("Requested array size exceeds VM limit"), 64 * MIB);

    assertThat(line).contains("more heap does not change");
    assertThat(line).doesNotContain("-Xmx");
  }

  @Test
  void outOfMemory_isAnExit2_oneLine() {
    StringWriter err = new StringWriter();

    int code = Failures.report(new OutOfMemoryError("Java heap space"), new PrintWriter(err),
        false);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("gotrace: out of memory: the Java heap (at most ");
    assertThat(err.toString().split("\n")).hasLength(1);
  }

  @Test
  void aBug_isCalledAnInternalError_andPointsToStacktrace() {
    String line = Failures.describe(new NullPointerException());

    assertThat(line).isEqualTo("internal error: java.lang.NullPointerException (rerun with"
        + " --stacktrace to see where; please report it)");
  }

  @Test
  void aMessageMeantForTheUser_isPrintedAsIs() {
    assertThat(Failures.describe(new IllegalStateException("cannot run the check: x")))
        .isEqualTo("cannot run the check: x");
  }
}
