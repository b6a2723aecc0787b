package dev.gotrace.testing.truth;

import static com.google.common.truth.ExpectFailure.expectFailureAbout;
import static com.google.common.truth.Truth.assertThat;
import static dev.gotrace.semantic.GoState.NOT_EXIST;
import static dev.gotrace.semantic.GoState.RUNNABLE;
import static dev.gotrace.semantic.GoState.RUNNING;
import static dev.gotrace.semantic.GoState.WAITING;
import static dev.gotrace.testing.truth.ParsedTraceSubject.GOMAXPROCS;
import static dev.gotrace.testing.truth.ParsedTraceSubject.HEAP_ALLOC;
import static dev.gotrace.testing.truth.ParsedTraceSubject.parsedTraces;
import static dev.gotrace.testing.truth.TraceTruth.assertThat;
import static dev.gotrace.testing.truth.TraceTruth.assertThatParsed;

import com.google.common.truth.ExpectFailure;
import com.google.common.truth.ExpectFailure.SimpleSubjectBuilderCallback;
import dev.gotrace.GoTraces;
import dev.gotrace.Verdict;
import dev.gotrace.fixtures.dsl.Goroutine;
import dev.gotrace.fixtures.dsl.OsThread;
import dev.gotrace.fixtures.dsl.Reasons;
import dev.gotrace.fixtures.dsl.Task;
import dev.gotrace.fixtures.dsl.TraceDsl;
import dev.gotrace.semantic.EventKind;
import dev.gotrace.semantic.TraceValidationException.Stage;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import org.junit.jupiter.api.Test;

/**
 * Every assertion of the semantic subjects, passing and failing; a failing one shows its whole
 * message (Truth's facts and the -d=parsed slice), as Truth's own subject tests do.
 */
final class ParsedTraceSubjectTest {
  /**
   * G1 sets GOMAXPROCS, begins task "request" and its child "checkout" with a region and a log,
   * runs a GC with a stop-the-world, creates G7 and blocks on a channel; G7 runs, unblocks G1 and
   * exits.
   */
  private static Verdict story() {
    TraceDsl t = TraceDsl.create(TraceVersion.GO_1_26);
    OsThread m0 = t.thread(0).holding(t.proc(0));
    Goroutine g1 = m0.running(1);
    g1.gomaxprocs(4).heapAlloc(1024);
    Task request = g1.beginTask("request");
    Task checkout = g1.beginTask("checkout", request);
    g1.beginRegion(checkout, "pay").log(checkout, "order", "42 items").endRegion();
    g1.endTask(checkout);
    g1.gcBegin().stwBegin(Reasons.STW_GC_MARK_TERMINATION).stwEnd().gcEnd();
    Goroutine g7 = g1.create(7);
    g1.block(Reasons.CHAN_RECEIVE);
    m0.run(g7);
    g7.unblock(g1).exit();
    return GoTraces.validate(t.bytes());
  }

  /** G1 running on M0; M1 starts G1 again: Go's parser cannot advance. */
  private static Verdict broken() {
    TraceDsl t = TraceDsl.create(TraceVersion.GO_1_26);
    t.thread(0).holding(t.proc(0)).running(1);
    t.thread(1).holding(t.proc(1)).rawEvent(EventType.GO_START, 1, 1);
    return GoTraces.validate(t.bytes());
  }

  private static AssertionError failure(Verdict v,
      SimpleSubjectBuilderCallback<ParsedTraceSubject, Verdict> assertion) {
    return expectFailureAbout(parsedTraces(), assertion);
  }

  private static String show(AssertionError e) {
    System.out.println("----\n" + e.getMessage());
    return e.getMessage();
  }

  // ---- Verdicts. ----

  @Test
  void isValid_passesOnAValidTrace_failsWithTheProblemAndTheEventsBeforeIt() {
    assertThat(story()).isValid();
    Verdict v = broken();
    AssertionError e = failure(v, w -> w.that(v).isValid());
    show(e);
    ExpectFailure.assertThat(e).factKeys().containsExactly("expected a valid trace (STRICT)",
        "but was rejected at stage", "message", "Go's message",
        "events before the problem (-d=parsed)").inOrder();
    ExpectFailure.assertThat(e).factValue("but was rejected at stage").isEqualTo("ORDERING");
    ExpectFailure.assertThat(e).factValue("Go's message")
        .startsWith("broken trace: failed to advance: frontier:\n[gen=1]\n\nM 1 [GoStart");
    ExpectFailure.assertThat(e).factValue("events before the problem (-d=parsed)")
        .contains("GoID=1 Undetermined->Running");
  }

  @Test
  void isRejected_passesOnABrokenTrace_failsOnAValidOne() {
    assertThat(broken()).isRejected();
    Verdict v = story();
    AssertionError e = failure(v, w -> w.that(v).isRejected());
    show(e);
    ExpectFailure.assertThat(e).factKeys().containsExactly("expected a rejected trace (STRICT)",
        "but it was valid, version", "events", "last events (-d=parsed)").inOrder();
    ExpectFailure.assertThat(e).factValue("but it was valid, version").isEqualTo("go 1.26");
    ExpectFailure.assertThat(e).factValue("last events (-d=parsed)")
        .endsWith("Sync Time=" + v.events().get(v.events().size() - 1).time() + " N=2");
  }

  @Test
  void isRejectedWith_checksGosMessageAndStage() {
    assertThat(broken()).isRejectedWith("failed to advance");
    assertThat(broken()).isRejectedWith(Stage.ORDERING, "failed to advance");
    Verdict v = broken();
    AssertionError e = failure(v, w -> w.that(v).isRejectedWith(Stage.VALIDATOR, "advance"));
    show(e);
    ExpectFailure.assertThat(e).factKeys().containsExactly("expected stage",
        "expected Go's message to contain", "but was rejected at stage", "with Go's message",
        "message", "events before the problem (-d=parsed)").inOrder();
    ExpectFailure.assertThat(e).factValue("expected stage").isEqualTo("VALIDATOR");
    AssertionError valid = failure(story(), w -> w.that(story()).isRejectedWith("x"));
    ExpectFailure.assertThat(valid).factKeys().contains("but it was valid, version");
    AssertionError wrong = failure(v, w -> w.that(v).isRejectedWith("no frequency"));
    ExpectFailure.assertThat(wrong).factValue("expected Go's message to contain")
        .isEqualTo("no frequency");
  }

  @Test
  void rejection_givesMessageStageAndPosition() {
    Verdict v = broken();
    long offset = v.problem().orElseThrow().offset();
    assertThat(v).rejection().hasStage(Stage.ORDERING);
    assertThat(v).rejection().isAtOffset(offset);
    assertThat(v).rejection().isInGeneration(1);
    assertThat(v).rejection().isAtEvent(EventType.GO_START);
    assertThat(v).rejection().goMessage().contains("failed to advance");
    assertThat(v).rejection().message().startsWith("offset " + offset + " (record 1");
    AssertionError e = failure(v, w -> w.that(v).rejection().isAtOffset(3));
    show(e);
    ExpectFailure.assertThat(e).factValue("expected offset").isEqualTo("3");
    ExpectFailure.assertThat(e).factValue("but was at")
        .isEqualTo("offset " + offset + " (record 1, generation 1, event 1 GoStart)");
    AssertionError g = failure(v, w -> w.that(v).rejection().isAtEvent(EventType.GO_BLOCK));
    ExpectFailure.assertThat(g).factValue("expected the event at fault to be")
        .isEqualTo("GoBlock");
  }

  // ---- Goroutines. ----

  @Test
  void goroutine_historyInGosOrder() {
    assertThat(story()).goroutine(7).hasHistory(RUNNABLE, RUNNING, NOT_EXIST);
    assertThat(story()).goroutine(1).wentThrough(RUNNING, WAITING, RUNNABLE);
    assertThat(story()).goroutine(1).wentThrough(WAITING);
    assertThat(story()).goroutine(1).endsIn(RUNNABLE);
    assertThat(story()).goroutine(7).history().containsExactly(RUNNABLE, RUNNING, NOT_EXIST);
    Verdict v = story();
    AssertionError e = failure(v, w -> w.that(v).goroutine(7).wentThrough(RUNNABLE, WAITING));
    // The whole message: Truth's facts, then G7's transitions as -d=parsed prints them.
    assertThat(show(e)).isEqualTo("""
        value of:
            parsedTrace.goroutine(7)
        expected to go through, in order:
            [RUNNABLE, WAITING]
        but its history stops matching at:
            WAITING (state 2)
        goroutine:
            G7
        state history:
            [RUNNABLE, RUNNING, NOT_EXIST]
        its events (-d=parsed):
            M=0 P=0 G=1 StateTransition Time=65088 GoID=7 NotExist->Runnable Reason=""
            M=0 P=0 G=-1 StateTransition Time=65216 GoID=7 Runnable->Running Reason=""
            M=0 P=0 G=7 StateTransition Time=65344 GoID=7 Running->NotExist Reason=""
        parsedTrace was:
            valid go 1.26 trace (STRICT), 21 events""");
  }

  @Test
  void goroutine_missing_listsTheGoroutinesThereAre() {
    Verdict v = story();
    AssertionError e = failure(v, w -> w.that(v).goroutine(9).hasHistory(RUNNABLE));
    show(e);
    ExpectFailure.assertThat(e).factKeys().containsExactly("value of",
        "expected exactly the history", "but G9 is not in the trace", "goroutines in the trace",
        "parsedTrace was").inOrder();
    ExpectFailure.assertThat(e).factValue("goroutines in the trace").isEqualTo("[1, 7]");
  }

  @Test
  void goroutine_endsIn_failure() {
    Verdict v = story();
    AssertionError e = failure(v, w -> w.that(v).goroutine(1).endsIn(WAITING));
    show(e);
    ExpectFailure.assertThat(e).factValue("expected to end in").isEqualTo("WAITING");
    ExpectFailure.assertThat(e).factValue("state history")
        .isEqualTo("[RUNNING, WAITING, RUNNABLE]");
  }

  @Test
  void blockedOn_byTheReasonsString() {
    assertThat(story()).goroutine(1).blockedOn(Reasons.CHAN_RECEIVE);
    Verdict v = story();
    AssertionError e = failure(v, w -> w.that(v).goroutine(1).blockedOn(Reasons.SELECT));
    show(e);
    ExpectFailure.assertThat(e).factValue("expected to block on").isEqualTo("\"select\"");
    ExpectFailure.assertThat(e).factValue("but its block reasons were")
        .isEqualTo("[\"chan receive\"]");
    ExpectFailure.assertThat(e).factValue("its events (-d=parsed)")
        .contains("GoID=1 Running->Waiting Reason=\"chan receive\"");
  }

  @Test
  void stoppedWith_andHasLabel() {
    TraceDsl t = TraceDsl.create(TraceVersion.GO_1_23);
    Goroutine g1 = t.thread(0).holding(t.proc(0)).running(1);
    g1.label(Reasons.GC_DEDICATED).preempt();
    Verdict v = GoTraces.validate(t.bytes());
    assertThat(v).goroutine(1).stoppedWith(Reasons.PREEMPTED);
    assertThat(v).goroutine(1).hasLabel(Reasons.GC_DEDICATED);
    AssertionError e = failure(v, w -> w.that(v).goroutine(1).hasLabel("GC (idle)"));
    show(e);
    ExpectFailure.assertThat(e).factValue("but its labels were")
        .isEqualTo("[\"GC (dedicated)\"]");
    AssertionError s = failure(v, w -> w.that(v).goroutine(1).stoppedWith("runtime.Gosched"));
    ExpectFailure.assertThat(s).factValue("but its stop reasons were")
        .isEqualTo("[\"preempted\"]");
  }

  // ---- Annotations. ----

  @Test
  void hasLog_byValue() {
    assertThat(story()).hasLog("order", "42 items");
    assertThat(story()).hasLog(2, "order", "42 items");
    Verdict v = story();
    AssertionError e = failure(v, w -> w.that(v).hasLog(1, "order", "42 items"));
    show(e);
    ExpectFailure.assertThat(e).factValue("expected")
        .isEqualTo("a log in task 1 with category \"order\" and message \"42 items\"");
    ExpectFailure.assertThat(e).factValue("but the 1 Log events were")
        .contains("Log Time=");
    ExpectFailure.assertThat(e).factValue("but the 1 Log events were")
        .endsWith("Task=2 Category=\"order\" Message=\"42 items\"");
  }

  @Test
  void hasTask_withParent() {
    assertThat(story()).hasTask("checkout").withParent("request").ended();
    assertThat(story()).hasTask("request").withoutParent();
    Verdict v = story();
    AssertionError parent = failure(v, w -> w.that(v).hasTask("checkout").withParent("cart"));
    show(parent);
    ExpectFailure.assertThat(parent).factValue("expected parent").isEqualTo("\"cart\"");
    ExpectFailure.assertThat(parent).factValue("but the parent was")
        .isEqualTo("\"request\" (id 1)");
    ExpectFailure.assertThat(parent).factValue("it and its parent (-d=parsed)")
        .contains("TaskBegin Time=");
    AssertionError missing = failure(v, w -> w.that(v).hasTask("cart"));
    show(missing);
    ExpectFailure.assertThat(missing).factValue("expected").isEqualTo("a task named \"cart\"");
    ExpectFailure.assertThat(missing).factValue("but the 2 TaskBegin events were")
        .contains("ID=2 Parent=1 Type=\"checkout\"");
    AssertionError ended = failure(v, w -> w.that(v).hasTask("request").ended());
    ExpectFailure.assertThat(ended).factValue("expected the task to end")
        .isEqualTo("a TaskEnd for id 1");
  }

  @Test
  void hasRegion_inATask() {
    assertThat(story()).hasRegion("pay");
    assertThat(story()).hasRegion("checkout", "pay");
    Verdict v = story();
    AssertionError e = failure(v, w -> w.that(v).hasRegion("request", "pay"));
    show(e);
    ExpectFailure.assertThat(e).factValue("expected")
        .isEqualTo("a region of type \"pay\" in task \"request\" (id 1)");
    ExpectFailure.assertThat(e).factValue("but the 1 RegionBegin events were")
        .endsWith("Task=2 Type=\"pay\"");
  }

  // ---- Metrics and ranges. ----

  @Test
  void metrics() {
    assertThat(story()).hasMetric(GOMAXPROCS, 4);
    assertThat(story()).metricValues(HEAP_ALLOC).containsExactly(1024L);
    Verdict v = story();
    AssertionError e = failure(v, w -> w.that(v).hasMetric(GOMAXPROCS, 8));
    show(e);
    ExpectFailure.assertThat(e).factValue("expected")
        .isEqualTo("metric /sched/gomaxprocs:threads = 8");
    ExpectFailure.assertThat(e).factValue("but the 2 Metric events were")
        .contains("Name=\"/sched/gomaxprocs:threads\" Value=Value{Uint64(4)}");
  }

  @Test
  void ranges() {
    assertThat(story()).hasGcCycle();
    assertThat(story()).hasStopTheWorld(Reasons.STW_GC_MARK_TERMINATION);
    assertThat(story()).rangeCount(ParsedTraceSubject.GC_RANGE).isEqualTo(1);
    Verdict v = story();
    AssertionError e = failure(v, w -> w.that(v).hasSweep());
    show(e);
    ExpectFailure.assertThat(e).factValue("expected")
        .isEqualTo("a range \"GC incremental sweep\"");
    ExpectFailure.assertThat(e).factValue("ranges by name").isEqualTo(
        "{GC concurrent mark phase=1, stop-the-world (GC mark termination)=1}");
  }

  @Test
  void eventCount_andParsedEvents() {
    assertThat(story()).eventCount(EventKind.TASK_BEGIN).isEqualTo(2);
    assertThat(story()).parsedEvents().contains(
        "M=0 P=0 G=1 Log Time=" + story().events().stream()
            .filter(e -> e.kind() == EventKind.LOG).findFirst().orElseThrow().time()
            + " Task=2 Category=\"order\" Message=\"42 items\"");
  }

  @Test
  void semanticAssertionsOnARejectedTrace_sayOnlyTheEventsBeforeTheProblemCount() {
    Verdict v = broken();
    AssertionError e = failure(v, w -> w.that(v).hasLog("a", "b"));
    show(e);
    ExpectFailure.assertThat(e).factValue("note").startsWith(
        "only the events before the problem: broken trace: failed to advance");
  }

  @Test
  void entryPoints_agree() {
    TraceDsl t = TraceDsl.create(TraceVersion.GO_1_22);
    t.thread(0).holding(t.proc(0)).running(1).block(Reasons.SLEEP);
    assertThatParsed(t).goroutine(1).blockedOn(Reasons.SLEEP);
    assertThatParsed(t.bytes()).isValid();
  }
}
