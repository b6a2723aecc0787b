package dev.gotrace.semantic;

import static com.google.common.truth.Truth.assertThat;
import static dev.gotrace.semantic.TestTraces.ev;
import static dev.gotrace.spec.EventType.CPU_SAMPLE;
import static dev.gotrace.spec.EventType.CPU_SAMPLES;
import static dev.gotrace.spec.EventType.GO_BLOCK;
import static dev.gotrace.spec.EventType.GO_CREATE;
import static dev.gotrace.spec.EventType.GO_LABEL;
import static dev.gotrace.spec.EventType.GO_START;
import static dev.gotrace.spec.EventType.GO_STATUS;
import static dev.gotrace.spec.EventType.GO_UNBLOCK;
import static dev.gotrace.spec.EventType.PROC_STATUS;
import static dev.gotrace.spec.EventType.PROC_STOP;
import static dev.gotrace.spec.EventType.STRING;
import static dev.gotrace.spec.EventType.STRINGS;
import static dev.gotrace.spec.TraceVersion.GO_1_22;
import static dev.gotrace.spec.TraceVersion.GO_1_26;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gotrace.semantic.TraceValidationException.Stage;
import dev.gotrace.wire.Batch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SemanticReaderTest {
  private static final long M = 5;

  /** P0 and G1 running on thread 5; G1 blocks on a channel; P0 stops. */
  private static TestTraces simple() {
    return TestTraces.of(GO_1_26).generation(1, 100)
        .batch(M, 110, ev(PROC_STATUS, 1, 0, 1), ev(GO_STATUS, 1, 1, M, 2),
            ev(GO_BLOCK, 3, 1, 1), ev(PROC_STOP, 2))
        .stack(1, 0x401000, 2, 3, 42)
        .strings("chan receive", "main.main", "/tmp/x.go");
  }

  private static List<ParsedEvent> read(byte[] trace, ValidationMode mode) throws IOException {
    SemanticReader r = SemanticReader.open(new ByteArrayInputStream(trace), mode);
    List<ParsedEvent> out = new ArrayList<>();
    for (ParsedEvent e = r.next(); e != null; e = r.next()) {
      out.add(e);
    }
    return out;
  }

  private static TraceValidationException invalid(byte[] trace, ValidationMode mode) {
    return assertThrows(TraceValidationException.class, () -> read(trace, mode));
  }

  @Test
  void readsEventsInGoOrder_printedAsGoPrintsThem() throws Exception {
    List<ParsedEvent> events = read(simple().end().bytes(), ValidationMode.STRICT);
    List<String> lines = new ArrayList<>();
    for (ParsedEvent e : events.subList(1, events.size())) {
      lines.add(e.toString());
    }
    assertThat(events.get(0).kind()).isEqualTo(EventKind.SYNC);
    // The Sync takes the smallest batch time of the generation; the table batches say 0, and
    // times start after 0.
    assertThat(events.get(0).time()).isEqualTo(1);
    assertThat(lines).containsExactly(
        "M=5 P=-1 G=-1 StateTransition Time=111 ProcID=0 Undetermined->Running Reason=\"\"",
        "M=5 P=0 G=-1 StateTransition Time=112 GoID=1 Undetermined->Running Reason=\"\"",
        "M=5 P=0 G=1 StateTransition Time=115 GoID=1 Running->Waiting Reason=\"chan receive\"\n"
            + "TransitionStack=\n\tmain.main @ 0x401000\n\t\t/tmp/x.go:42\n"
            + "\nStack=\n\tmain.main @ 0x401000\n\t\t/tmp/x.go:42\n",
        "M=5 P=0 G=-1 StateTransition Time=117 ProcID=0 Running->Idle Reason=\"\"",
        "M=-1 P=-1 G=-1 Sync Time=118 N=2").inOrder();
    StateTransition block = events.get(3).stateTransition();
    assertThat(block.goFrom()).isEqualTo(GoState.RUNNING);
    assertThat(block.goTo()).isEqualTo(GoState.WAITING);
    assertThat(block.reason()).isEqualTo("chan receive");
    assertThat(block.stack().frames())
        .containsExactly(new StackFrame(0x401000, "main.main", "/tmp/x.go", 42));
    assertThat(events.get(3).position().eventIndex()).isEqualTo(2);
  }

  @Test
  void eventWithoutItsGoroutine_reportsOffsetContextAndWhatItNeeded() {
    byte[] trace = TestTraces.of(GO_1_26).generation(1, 100)
        .batch(M, 110, ev(PROC_STATUS, 1, 0, 1), ev(GO_BLOCK, 3, 1, 0))
        .strings("chan receive").end().bytes();
    TraceValidationException e = invalid(trace, ValidationMode.PARSER);
    assertThat(e.stage()).isEqualTo(Stage.ORDERING);
    assertThat(e.goMessage()).isEqualTo("expected a goroutine but didn't have one");
    assertThat(e.position().eventIndex()).isEqualTo(1);
    assertThat(e.position().generation()).isEqualTo(1);
    assertThat(e.context()).isEqualTo("thread 5, proc 0, goroutine none");
    // The GoBlock is the second event of the second record: its type byte's offset.
    assertThat(trace[(int) e.offset()]).isEqualTo((byte) GO_BLOCK.wire());
    assertThat(e.getMessage()).isEqualTo("offset " + e.offset() + " (record 1, generation 1,"
        + " event 1 GoBlock; thread 5, proc 0, goroutine none): GoBlock needs a goroutine on its"
        + " thread (expected a thread, a proc, a goroutine, found thread 5, proc 0, goroutine"
        + " none)");
  }

  @Test
  void eventThatMustWaitForAnotherThread_isDeliveredAfterIt() throws Exception {
    // Thread 7's unblock of G2 comes first in time but needs G2 to block on thread 5 first.
    byte[] trace = TestTraces.of(GO_1_26).generation(1, 100)
        .batch(7, 101, ev(PROC_STATUS, 1, 1, 1), ev(GO_STATUS, 1, 3, 7, 2),
            ev(GO_UNBLOCK, 1, 2, 1, 0))
        .batch(M, 110, ev(PROC_STATUS, 1, 0, 1), ev(GO_STATUS, 1, 2, M, 2),
            ev(GO_BLOCK, 3, 0, 0))
        .end().bytes();
    List<String> order = new ArrayList<>();
    for (ParsedEvent e : read(trace, ValidationMode.STRICT)) {
      if (e.wireType() != null) {
        order.add(e.thread() + ":" + e.wireType().goName());
      }
    }
    assertThat(order).containsExactly("7:ProcStatus", "7:GoStatus", "5:ProcStatus", "5:GoStatus",
        "5:GoBlock", "7:GoUnblock").inOrder();
  }

  @Test
  void sequenceNumberNeverReached_reportsTheStuckFrontier() {
    byte[] trace = TestTraces.of(GO_1_26).generation(1, 100)
        .batch(M, 110, ev(PROC_STATUS, 1, 0, 1), ev(GO_CREATE, 1, 9, 0, 0),
            ev(GO_START, 1, 9, 2))
        .end().bytes();
    TraceValidationException e = invalid(trace, ValidationMode.PARSER);
    assertThat(e.stage()).isEqualTo(Stage.ORDERING);
    // Go's text, its maps in id order (checked against Go by MutationDifferentialTest).
    assertThat(e.goMessage()).isEqualTo("broken trace: failed to advance: frontier:\n[gen=1]\n\n"
        + "M 5 [GoStart time=113 g=9 g_seq=2]\n\n"
        + "G 9 [status=Runnable seq=0 (gen=1)]\n\n"
        + "P 0 [status=Running seq=0 (gen=1)]\n\n"
        + "M 5 [g=-1 p=0]\n\n"
        + "GC 0 Undetermined\n\n");
    assertThat(e.found()).contains("g_seq 2 is not next after 0 (gen=1)");
    assertThat(e.position().eventType().goName()).isEqualTo("GoStart");
  }

  @Test
  void generationsBeforeGo126_mustFollowEachOther() {
    byte[] trace = TestTraces.of(GO_1_22).generation(1, 100).generation(3, 200).bytes();
    TraceValidationException e = invalid(trace, ValidationMode.PARSER);
    assertThat(e.stage()).isEqualTo(Stage.GENERATION);
    assertThat(e.goMessage()).isEqualTo("generations out of order");
    assertThat(e.position().recordIndex()).isEqualTo(1);
    assertThat(e.found()).isEqualTo("3");
  }

  @Test
  void go126GenerationWithoutItsEnd_isTruncated() {
    byte[] trace = simple().bytes();
    TraceValidationException e = invalid(trace, ValidationMode.PARSER);
    assertThat(e.goMessage()).isEqualTo("incomplete generation found; trace likely truncated");
    assertThat(e.offset()).isEqualTo(trace.length);
  }

  @Test
  void generationWithoutFrequency_isRejected() {
    byte[] trace = TestTraces.of(GO_1_26).generationWithoutSync(1)
        .batch(M, 110, ev(PROC_STATUS, 1, 0, 2)).end().bytes();
    TraceValidationException e = invalid(trace, ValidationMode.PARSER);
    assertThat(e.goMessage()).isEqualTo("no frequency event found");
    assertThat(e.offset()).isEqualTo(16);
  }

  @Test
  void emptyLabel_passesTheParserButNotTheTestValidator() throws Exception {
    byte[] trace = TestTraces.of(GO_1_26).generation(1, 100)
        .batch(M, 110, ev(PROC_STATUS, 1, 0, 1), ev(GO_STATUS, 1, 1, M, 2), ev(GO_LABEL, 1, 0))
        .end().bytes();
    assertThat(read(trace, ValidationMode.PARSER)).hasSize(5);
    TraceValidationException e = invalid(trace, ValidationMode.STRICT);
    assertThat(e.stage()).isEqualTo(Stage.VALIDATOR);
    assertThat(e.goMessage()).isEqualTo("invalid label \"\"");
  }

  @Test
  void cpuSampleWithUndefinedStack_makesGoPanic() {
    byte[] trace = TestTraces.of(GO_1_26).generation(1, 100)
        .add(Batch.builder().generation(1).time(100).add(ev(CPU_SAMPLES))
            .add(ev(CPU_SAMPLE, 150, M, 0, 1, 77)).build())
        .end().bytes();
    TraceValidationException e = invalid(trace, ValidationMode.PARSER);
    assertThat(e.stage()).isEqualTo(Stage.PANIC);
    assertThat(e.goMessage()).isEqualTo("expected id 77 in trace.stack table");
  }

  @Test
  void stringRecordCutBeforeAVarint_endsTheTraceQuietlyAsInGo() throws Exception {
    byte[] valid = simple().end().bytes();
    // Generation 2 starts with a string batch whose one record stops after its id: Go's byte
    // reader then returns a bare end-of-input error, which Go's tools take for the end.
    byte[] cut = {1, 2, 0, 1, 3, (byte) STRINGS.wire(), (byte) STRING.wire(), 1};
    byte[] trace = java.util.Arrays.copyOf(valid, valid.length + cut.length);
    System.arraycopy(cut, 0, trace, valid.length, cut.length);
    SemanticReader r = SemanticReader.open(new ByteArrayInputStream(trace),
        ValidationMode.STRICT);
    int n = 0;
    while (r.next() != null) {
      n++;
    }
    assertThat(n).isEqualTo(6);
    assertThat(r.endedEarly()).contains("String record ends before the string length");
  }

  @Test
  void keepGoing_reportsEveryProblemItCanReach() throws Exception {
    byte[] trace = TestTraces.of(GO_1_26).generation(1, 100)
        .batch(M, 110, ev(PROC_STATUS, 1, 0, 1), ev(GO_BLOCK, 1, 0, 0), ev(GO_STATUS, 1, 1, M, 2),
            ev(GO_LABEL, 1, 0), ev(PROC_STOP, 1))
        .end().bytes();
    List<TraceValidationException> problems = new ArrayList<>();
    SemanticReader r = SemanticReader.open(new ByteArrayInputStream(trace),
        ValidationMode.STRICT, problems::add);
    int n = 0;
    while (r.next() != null) {
      n++;
    }
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).goMessage()).isEqualTo("expected a goroutine but didn't have one");
    assertThat(problems.get(1).goMessage()).isEqualTo("invalid label \"\"");
    assertThat(n).isEqualTo(6);
  }

  @Test
  void notATrace_andUnknownVersions_failAtTheHeader() {
    TraceValidationException e = assertThrows(TraceValidationException.class,
        () -> SemanticReader.open(new ByteArrayInputStream("hello".getBytes(
            StandardCharsets.US_ASCII))));
    assertThat(e.goMessage()).isEqualTo("bad file format: not a Go execution trace?");
    e = assertThrows(TraceValidationException.class,
        () -> SemanticReader.open(new ByteArrayInputStream("go 1.24 trace\0\0\0".getBytes(
            StandardCharsets.US_ASCII))));
    assertThat(e.goMessage()).isEqualTo("unknown or unsupported trace version go 1.24");
    assertThat(e.offset()).isEqualTo(5);
  }
}
