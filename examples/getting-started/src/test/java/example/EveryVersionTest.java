package example;

import static dev.gotrace.semantic.GoState.NOT_EXIST;
import static dev.gotrace.semantic.GoState.RUNNABLE;
import static dev.gotrace.semantic.GoState.RUNNING;
import static dev.gotrace.testing.truth.ParsedTraceSubject.GOMAXPROCS;
import static dev.gotrace.testing.truth.TraceTruth.assertThatParsed;

import dev.gotrace.fixtures.dsl.Goroutine;
import dev.gotrace.fixtures.dsl.Reasons;
import dev.gotrace.fixtures.dsl.Task;
import dev.gotrace.fixtures.dsl.TraceDsl;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.testing.junit.GoTraceTest;

/**
 * The JUnit extension: each test runs once per Go trace version with a DSL of that version; a
 * failing run leaves its trace in target/gotrace-traces/, and every trace a passing run builds is
 * read by Go's parser too when Go is on the PATH.
 */
class EveryVersionTest {
  @GoTraceTest
  void aHandoffOverAChannel(TraceDsl t) {
    Goroutine main = t.thread(0).holding(t.proc(0)).running(1);
    Goroutine worker = main.create(7);
    main.block(Reasons.CHAN_RECEIVE);
    t.thread(0).run(worker);
    worker.unblock(main).exit();

    assertThatParsed(t).isValid();
    assertThatParsed(t).goroutine(7).hasHistory(RUNNABLE, RUNNING, NOT_EXIST);
    assertThatParsed(t).goroutine(1).blockedOn(Reasons.CHAN_RECEIVE);
  }

  @GoTraceTest
  void tasksRegionsLogsAndAGcCycle(TraceDsl t) {
    Goroutine g = t.thread(0).holding(t.proc(0)).running(1);
    g.gomaxprocs(8);
    Task request = g.beginTask("request");
    Task checkout = g.beginTask("checkout", request);
    g.beginRegion(checkout, "pay").log(checkout, "order", "3 items").endRegion();
    g.endTask(checkout).gcBegin().stwBegin(Reasons.STW_GC_MARK_TERMINATION).stwEnd().gcEnd();

    assertThatParsed(t).hasTask("checkout").withParent("request").ended();
    assertThatParsed(t).hasRegion("checkout", "pay");
    assertThatParsed(t).hasLog("order", "3 items");
    assertThatParsed(t).hasMetric(GOMAXPROCS, 8);
    assertThatParsed(t).hasGcCycle();
    assertThatParsed(t).hasStopTheWorld(Reasons.STW_GC_MARK_TERMINATION);
  }

  /** GoStatusStack (a stopped goroutine's stack in its status) is new in go 1.23. */
  @GoTraceTest(since = TraceVersion.GO_1_23)
  void aPreemptedGoroutine(TraceDsl t) {
    t.thread(0).holding(t.proc(0)).running(1).preempt();
    t.newGeneration();
    assertThatParsed(t).goroutine(1).stoppedWith(Reasons.PREEMPTED);
  }
}
