package dev.gotrace.testing.truth;

import static com.google.common.truth.Fact.fact;
import static com.google.common.truth.Fact.simpleFact;

import com.google.common.truth.Fact;
import com.google.common.truth.FailureMetadata;
import com.google.common.truth.IterableSubject;
import com.google.common.truth.Subject;
import dev.gotrace.semantic.EventKind;
import dev.gotrace.semantic.GoState;
import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.StateTransition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Truth subject for one goroutine as Go's parser sees it ({@link ParsedTraceSubject#goroutine}):
 * its state transitions in Go's order and the labels put on it.
 *
 * <p>Its <em>state history</em> is the state each transition leads to, starting with the first
 * (a created goroutine starts {@code RUNNABLE}, one the trace finds running starts {@code
 * RUNNING}), with repeats dropped (a generation's status events confirm the state) and {@code
 * NOT_EXIST} for exiting.
 */
public final class GoroutineSubject extends Subject {
  /**
   * What the subject looks at.
   *
   * @param id the goroutine
   * @param events its state transitions and labels, in Go's order
   * @param allGoroutines every goroutine with a transition in the trace, for failure messages
   * @param note said in every failure when the trace was rejected, else {@code null}
   */
  record Story(long id, List<ParsedEvent> events, List<Long> allGoroutines, String note) {
    List<StateTransition> transitions() {
      List<StateTransition> out = new ArrayList<>();
      for (ParsedEvent e : events) {
        if (e.kind() == EventKind.STATE_TRANSITION) {
          out.add(e.stateTransition());
        }
      }
      return out;
    }

    List<GoState> history() {
      List<GoState> h = new ArrayList<>();
      for (StateTransition t : transitions()) {
        GoState to = t.goTo();
        if (h.isEmpty() || h.get(h.size() - 1) != to) {
          h.add(to);
        }
      }
      return h;
    }

    @Override
    public String toString() {
      return "G" + id + " " + history();
    }
  }

  private final Story actual;

  private GoroutineSubject(FailureMetadata metadata, Story actual) {
    super(metadata, actual);
    this.actual = actual;
  }

  static Subject.Factory<GoroutineSubject, Story> goroutines() {
    return GoroutineSubject::new;
  }

  /**
   * The goroutine's state history, for any {@link IterableSubject} assertion.
   *
   * @return a subject about the states, in Go's order
   */
  public IterableSubject history() {
    return check("history()").that(actual.history());
  }

  /**
   * The goroutine passed through these states in this order, perhaps with others between them.
   *
   * @param states the states, for example {@code RUNNABLE, RUNNING, WAITING}
   */
  public void wentThrough(GoState... states) {
    List<GoState> want = List.of(states);
    List<GoState> h = actual.history();
    int i = 0;
    for (GoState s : h) {
      if (i < want.size() && s == want.get(i)) {
        i++;
      }
    }
    if (i < want.size()) {
      report(fact("expected to go through, in order", want),
          fact("but its history stops matching at", want.get(i) + " (state " + (i + 1) + ")"));
    }
  }

  /**
   * The goroutine's history is exactly these states.
   *
   * @param states every state, in order
   */
  public void hasHistory(GoState... states) {
    if (!actual.history().equals(Arrays.asList(states))) {
      report(fact("expected exactly the history", Arrays.asList(states)));
    }
  }

  /**
   * The goroutine's last state in the trace.
   *
   * @param state the state it ends in
   */
  public void endsIn(GoState state) {
    List<GoState> h = actual.history();
    GoState last = h.isEmpty() ? null : h.get(h.size() - 1);
    if (last != state) {
      report(fact("expected to end in", state));
    }
  }

  /**
   * The goroutine blocked (Running to Waiting) at least once with this reason.
   *
   * @param reason the runtime's block reason, e.g. {@code Reasons.CHAN_RECEIVE} ("chan receive")
   */
  public void blockedOn(String reason) {
    Objects.requireNonNull(reason, "reason == null");
    for (StateTransition t : actual.transitions()) {
      if (t.goFrom() == GoState.RUNNING && t.goTo() == GoState.WAITING
          && t.reason().equals(reason)) {
        return;
      }
    }
    report(fact("expected to block on", ParsedTraceSubject.quote(reason)),
        fact("but its block reasons were", reasons(GoState.WAITING)));
  }

  /**
   * The goroutine stopped (Running to Runnable: yield, preemption) with this reason.
   *
   * @param reason the runtime's stop reason, e.g. {@code "preempted"}
   */
  public void stoppedWith(String reason) {
    Objects.requireNonNull(reason, "reason == null");
    for (StateTransition t : actual.transitions()) {
      if (t.goFrom() == GoState.RUNNING && t.goTo() == GoState.RUNNABLE
          && t.reason().equals(reason)) {
        return;
      }
    }
    report(fact("expected to stop with", ParsedTraceSubject.quote(reason)),
        fact("but its stop reasons were", reasons(GoState.RUNNABLE)));
  }

  /**
   * A label was put on the goroutine (a GC worker's, for instance).
   *
   * @param label the label's text
   */
  public void hasLabel(String label) {
    Objects.requireNonNull(label, "label == null");
    List<String> labels = new ArrayList<>();
    for (ParsedEvent e : actual.events()) {
      if (e.kind() == EventKind.LABEL) {
        if (e.label().label().equals(label)) {
          return;
        }
        labels.add(ParsedTraceSubject.quote(e.label().label()));
      }
    }
    report(fact("expected the label", ParsedTraceSubject.quote(label)),
        fact("but its labels were", labels));
  }

  private List<String> reasons(GoState to) {
    List<String> out = new ArrayList<>();
    for (StateTransition t : actual.transitions()) {
      if (t.goFrom() == GoState.RUNNING && t.goTo() == to) {
        out.add(ParsedTraceSubject.quote(t.reason()));
      }
    }
    return out;
  }

  private void report(Fact first, Fact... more) {
    List<Fact> facts = new ArrayList<>(Arrays.asList(more));
    if (actual.events().isEmpty()) {
      facts.add(simpleFact("but G" + actual.id() + " is not in the trace"));
      facts.add(fact("goroutines in the trace", actual.allGoroutines()));
    } else {
      facts.add(fact("goroutine", "G" + actual.id()));
      facts.add(fact("state history", actual.history()));
      facts.add(fact("its events (-d=parsed)", ParsedLines.of(actual.events())));
    }
    if (actual.note() != null) {
      facts.add(fact("note", actual.note()));
    }
    failWithoutActual(first, facts.toArray(new Fact[0]));
  }
}
