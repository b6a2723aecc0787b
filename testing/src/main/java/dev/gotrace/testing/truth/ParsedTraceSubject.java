package dev.gotrace.testing.truth;

import static com.google.common.truth.Fact.fact;
import static com.google.common.truth.Fact.simpleFact;

import com.google.common.truth.Fact;
import com.google.common.truth.FailureMetadata;
import com.google.common.truth.IterableSubject;
import com.google.common.truth.LongSubject;
import com.google.common.truth.Subject;
import dev.gotrace.Problem;
import dev.gotrace.Verdict;
import dev.gotrace.semantic.EventKind;
import dev.gotrace.semantic.Log;
import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.ResourceKind;
import dev.gotrace.semantic.TraceValidationException.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Truth subject for a trace as Go's parser reads it: the {@link Verdict} of gotrace's validator
 * and the events it delivered, in Go's order (nothing is re-sorted here). Failures list facts and
 * show the relevant events as {@code go tool trace -d=parsed} prints them, strings by value.
 *
 * <pre>{@code
 * import static dev.gotrace.testing.truth.TraceTruth.assertThatParsed;
 *
 * assertThatParsed(dsl).isValid();
 * assertThatParsed(dsl).goroutine(7).wentThrough(RUNNABLE, RUNNING, WAITING);
 * assertThatParsed(dsl).goroutine(7).blockedOn(Reasons.CHAN_RECEIVE);
 * assertThatParsed(dsl).hasTask("checkout").withParent("request");
 * assertThatParsed(broken).isRejectedWith(Stage.ORDERING, "failed to advance");
 * }</pre>
 *
 * <p>On a rejected trace the semantic assertions look at the events before the problem, and say so
 * in their failure messages.
 */
public final class ParsedTraceSubject extends Subject {
  /** The metric {@code ProcsChange} events report: GOMAXPROCS. */
  public static final String GOMAXPROCS = "/sched/gomaxprocs:threads";
  /** The metric {@code HeapAlloc} events report. */
  public static final String HEAP_ALLOC = "/memory/classes/heap/objects:bytes";
  /** The metric {@code HeapGoal} events report. */
  public static final String HEAP_GOAL = "/gc/heap/goal:bytes";
  /** Go's name for the range of a GC cycle's concurrent mark phase. */
  public static final String GC_RANGE = "GC concurrent mark phase";
  /** Go's name for a P's sweep range. */
  public static final String SWEEP_RANGE = "GC incremental sweep";
  /** Go's name for a goroutine's mark assist range. */
  public static final String MARK_ASSIST_RANGE = "GC mark assist";

  private final Verdict actual;

  private ParsedTraceSubject(FailureMetadata metadata, Verdict actual) {
    super(metadata, actual);
    this.actual = actual;
  }

  /**
   * The factory for {@code assertAbout(parsedTraces()).that(verdict)}.
   *
   * @return a factory of subjects about verdicts
   */
  public static Subject.Factory<ParsedTraceSubject, Verdict> parsedTraces() {
    return ParsedTraceSubject::new;
  }

  // ---- The verdict. ----

  /** The validator accepts the trace; else shows the problem and the events before it. */
  public void isValid() {
    if (actual == null) {
      failWithoutActual(simpleFact("expected a valid trace, but the verdict was null"));
      return;
    }
    Problem p = actual.problem().orElse(null);
    if (p == null) {
      return;
    }
    failWithoutActual(simpleFact("expected a valid trace (" + actual.mode() + ")"),
        fact("but was rejected at stage", p.stage()),
        fact("message", p.message()),
        fact("Go's message", p.goMessage()),
        fact("events before the problem (-d=parsed)", ParsedLines.tail(actual.events())));
  }

  /** The validator rejects the trace, for whatever reason. */
  public void isRejected() {
    if (actual == null) {
      failWithoutActual(simpleFact("expected a rejected trace, but the verdict was null"));
      return;
    }
    if (actual.isValid()) {
      failValid("expected a rejected trace (" + actual.mode() + ")");
    }
  }

  /**
   * The validator rejects the trace, and Go's message for the problem contains this text.
   *
   * @param goMessageFragment text found in the message Go's tools print, e.g. {@code "failed to
   *     advance"}
   */
  public void isRejectedWith(String goMessageFragment) {
    Objects.requireNonNull(goMessageFragment, "goMessageFragment == null");
    Problem p = problemOrFail("expected a rejected trace with Go's message containing",
        goMessageFragment);
    if (p != null && !p.goMessage().contains(goMessageFragment)) {
      failProblem(p, fact("expected Go's message to contain", goMessageFragment));
    }
  }

  /**
   * The validator rejects the trace at this stage, and Go's message contains this text.
   *
   * @param stage the layer of Go's reader that rejects it
   * @param goMessageFragment text found in Go's message
   */
  public void isRejectedWith(Stage stage, String goMessageFragment) {
    Objects.requireNonNull(stage, "stage == null");
    Objects.requireNonNull(goMessageFragment, "goMessageFragment == null");
    Problem p = problemOrFail("expected a rejected trace at stage", stage);
    if (p != null && (p.stage() != stage || !p.goMessage().contains(goMessageFragment))) {
      failProblem(p, fact("expected stage", stage),
          fact("expected Go's message to contain", goMessageFragment));
    }
  }

  /**
   * The problem that rejects the trace, for assertions on its message, stage and position. Fails
   * if the trace is valid.
   *
   * @return a subject about the problem
   */
  public ProblemSubject rejection() {
    Problem p = problemOrFail("expected a rejected trace", "(any problem)");
    return check("rejection()").about(ProblemSubject.problems()).that(p);
  }

  private Problem problemOrFail(String key, Object value) {
    if (actual == null) {
      failWithoutActual(fact(key, value), simpleFact("but the verdict was null"));
      return null;
    }
    Problem p = actual.problem().orElse(null);
    if (p == null) {
      failValid(key + ": " + value);
    }
    return p;
  }

  private void failValid(String expectation) {
    failWithoutActual(simpleFact(expectation),
        fact("but it was valid, version", actual.version().map(v -> "go 1." + v.number())
            .orElse("?")),
        fact("events", actual.events().size()),
        fact("last events (-d=parsed)", ParsedLines.tail(actual.events())));
  }

  private void failProblem(Problem p, Fact... expected) {
    List<Fact> facts = new ArrayList<>(List.of(expected));
    facts.add(fact("but was rejected at stage", p.stage()));
    facts.add(fact("with Go's message", p.goMessage()));
    facts.add(fact("message", p.message()));
    facts.add(fact("events before the problem (-d=parsed)", ParsedLines.tail(actual.events())));
    failWithoutActual(facts.get(0), facts.subList(1, facts.size()).toArray(new Fact[0]));
  }

  // ---- What the trace says. ----

  /**
   * A goroutine's story: its state history and transitions, in Go's order.
   *
   * @param id the goroutine id
   * @return a subject about that goroutine
   */
  public GoroutineSubject goroutine(long id) {
    List<ParsedEvent> own = new ArrayList<>();
    for (ParsedEvent e : events()) {
      if (e.kind() == EventKind.STATE_TRANSITION) {
        var t = e.stateTransition();
        if (t.resource().kind() == ResourceKind.GOROUTINE && t.resource().id() == id) {
          own.add(e);
        }
      } else if (e.kind() == EventKind.LABEL && e.goroutine() == id) {
        own.add(e);
      }
    }
    return check("goroutine(%s)", id).about(GoroutineSubject.goroutines())
        .that(new GoroutineSubject.Story(id, own, goroutineIds(), rejectionNote()));
  }

  /**
   * The trace holds a {@code runtime/trace.Log} with this category and message, in any task.
   *
   * @param category the log's category ("" for none)
   * @param message the message
   */
  public void hasLog(String category, String message) {
    Objects.requireNonNull(category, "category == null");
    Objects.requireNonNull(message, "message == null");
    expectEvent(EventKind.LOG, e -> {
      Log l = e.log();
      return l.category().equals(category) && l.message().equals(message);
    }, "a log with category " + quote(category) + " and message " + quote(message));
  }

  /**
   * The trace holds a log with this category and message in this task.
   *
   * @param task the task id (0, the background task, for logs outside any task)
   * @param category the log's category ("" for none)
   * @param message the message
   */
  public void hasLog(long task, String category, String message) {
    Objects.requireNonNull(category, "category == null");
    Objects.requireNonNull(message, "message == null");
    expectEvent(EventKind.LOG, e -> {
      Log l = e.log();
      return l.task() == task && l.category().equals(category) && l.message().equals(message);
    }, "a log in task " + Long.toUnsignedString(task) + " with category " + quote(category)
        + " and message " + quote(message));
  }

  /**
   * The trace begins a task of this type ({@code trace.NewTask(ctx, name)}).
   *
   * @param name the task type
   * @return a subject about the first such task, for its parent
   */
  public TaskSubject hasTask(String name) {
    Objects.requireNonNull(name, "name == null");
    ParsedEvent begin = null;
    for (ParsedEvent e : events()) {
      if (e.kind() == EventKind.TASK_BEGIN && e.task().type().equals(name)) {
        begin = e;
        break;
      }
    }
    if (begin == null) {
      failMissing("a task named " + quote(name), EventKind.TASK_BEGIN);
    }
    return check("task(%s)", quote(name)).about(TaskSubject.tasks())
        .that(begin == null ? null : new TaskSubject.TaskInfo(begin, events()));
  }

  /**
   * The trace begins a region of this type, in any task.
   *
   * @param type the region type ({@code trace.StartRegion(ctx, type)})
   */
  public void hasRegion(String type) {
    Objects.requireNonNull(type, "type == null");
    expectEvent(EventKind.REGION_BEGIN, e -> e.region().type().equals(type),
        "a region of type " + quote(type));
  }

  /**
   * The trace begins a region of this type in the first task named {@code taskName}.
   *
   * @param taskName the task's type
   * @param type the region type
   */
  public void hasRegion(String taskName, String type) {
    Objects.requireNonNull(taskName, "taskName == null");
    Objects.requireNonNull(type, "type == null");
    Long found = null;
    for (ParsedEvent e : events()) {
      if (e.kind() == EventKind.TASK_BEGIN && e.task().type().equals(taskName)) {
        found = e.task().id();
        break;
      }
    }
    Long task = found;
    expectEvent(EventKind.REGION_BEGIN, e -> task != null && e.region().task() == task
        && e.region().type().equals(type), "a region of type " + quote(type) + " in task "
        + quote(taskName) + (task == null ? " (no such task)" : " (id " + task + ")"));
  }

  /**
   * The values a metric took, in Go's order.
   *
   * @param name the metric's name, e.g. {@link #GOMAXPROCS}, {@link #HEAP_ALLOC}
   * @return a subject about the values (unsigned, as Go's parser reads them)
   */
  public IterableSubject metricValues(String name) {
    Objects.requireNonNull(name, "name == null");
    List<Long> values = new ArrayList<>();
    for (ParsedEvent e : events()) {
      if (e.kind() == EventKind.METRIC && e.metric().name().equals(name)) {
        values.add(e.metric().value());
      }
    }
    return check("metric(%s)", name).that(values);
  }

  /**
   * A metric took this value at some point.
   *
   * @param name the metric's name
   * @param value the value
   */
  public void hasMetric(String name, long value) {
    Objects.requireNonNull(name, "name == null");
    expectEvent(EventKind.METRIC, e -> e.metric().name().equals(name)
        && e.metric().value() == value, "metric " + name + " = " + Long.toUnsignedString(value));
  }

  /**
   * How many ranges of this name begin in the trace or were active when a generation started.
   *
   * @param name Go's range name: {@link #GC_RANGE}, {@link #SWEEP_RANGE}, {@link
   *     #MARK_ASSIST_RANGE}, or {@code "stop-the-world (KIND)"}
   * @return a subject about the count
   */
  public LongSubject rangeCount(String name) {
    Objects.requireNonNull(name, "name == null");
    return check("rangeCount(%s)", quote(name)).that(events().stream()
        .filter(e -> e.kind() == EventKind.RANGE_BEGIN).filter(e -> e.range().name().equals(name))
        .count());
  }

  /** At least one GC cycle begins (Go's "GC concurrent mark phase" range). */
  public void hasGcCycle() {
    hasRange(GC_RANGE);
  }

  /**
   * At least one stop-the-world of this kind begins.
   *
   * @param kind the runtime's kind, e.g. {@code "GC mark termination"}
   */
  public void hasStopTheWorld(String kind) {
    hasRange("stop-the-world (" + Objects.requireNonNull(kind, "kind == null") + ")");
  }

  /** At least one P sweeps (Go's "GC incremental sweep" range). */
  public void hasSweep() {
    hasRange(SWEEP_RANGE);
  }

  /**
   * At least one range of this name begins.
   *
   * @param name Go's range name
   */
  public void hasRange(String name) {
    Objects.requireNonNull(name, "name == null");
    expectEvent(EventKind.RANGE_BEGIN, e -> e.range().name().equals(name),
        "a range " + quote(name));
  }

  /**
   * How many events of this kind the validator delivered.
   *
   * @param kind Go's event kind
   * @return a subject about the count
   */
  public LongSubject eventCount(EventKind kind) {
    Objects.requireNonNull(kind, "kind == null");
    return check("eventCount(%s)", kind.goName())
        .that(events().stream().filter(e -> e.kind() == kind).count());
  }

  /**
   * The events as {@code go tool trace -d=parsed} prints them, one string per event, stacks left
   * out; for {@code contains}, {@code containsAtLeast(...).inOrder()}.
   *
   * @return a subject about the lines
   */
  public IterableSubject parsedEvents() {
    List<String> lines = new ArrayList<>();
    for (ParsedEvent e : events()) {
      lines.add(ParsedLines.line(e));
    }
    return check("parsedEvents()").that(lines);
  }

  // ---- Helpers. ----

  private List<ParsedEvent> events() {
    return actual == null ? List.of() : actual.events();
  }

  private String rejectionNote() {
    return actual == null || actual.isValid() ? null
        : "only the events before the problem: " + actual.problem().orElseThrow().goMessage();
  }

  private List<Long> goroutineIds() {
    TreeSet<Long> ids = new TreeSet<>();
    for (ParsedEvent e : events()) {
      if (e.kind() == EventKind.STATE_TRANSITION && e.stateTransition().isGoroutine()) {
        ids.add(e.stateTransition().resource().id());
      }
    }
    return List.copyOf(ids);
  }

  private void expectEvent(EventKind kind, Predicate<ParsedEvent> matches, String what) {
    for (ParsedEvent e : events()) {
      if (e.kind() == kind && matches.test(e)) {
        return;
      }
    }
    failMissing(what, kind);
  }

  private void failMissing(String what, EventKind kind) {
    List<ParsedEvent> ofKind = new ArrayList<>();
    for (ParsedEvent e : events()) {
      if (e.kind() == kind) {
        ofKind.add(e);
      }
    }
    List<Fact> facts = new ArrayList<>();
    facts.add(fact("but the " + ofKind.size() + " " + kind.goName() + " events were",
        ParsedLines.of(ofKind)));
    if (kind == EventKind.RANGE_BEGIN) {
      facts.add(fact("ranges by name", rangeNames()));
    }
    String note = rejectionNote();
    if (note != null) {
      facts.add(fact("note", note));
    }
    failWithoutActual(fact("expected", what), facts.toArray(new Fact[0]));
  }

  private String rangeNames() {
    Map<String, Integer> n = new LinkedHashMap<>();
    for (ParsedEvent e : events()) {
      if (e.kind() == EventKind.RANGE_BEGIN) {
        n.merge(e.range().name(), 1, Integer::sum);
      }
    }
    return n.toString();
  }

  static String quote(String s) {
    return dev.gotrace.text.GoQuote.quote(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
