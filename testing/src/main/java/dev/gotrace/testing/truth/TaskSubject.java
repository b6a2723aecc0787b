package dev.gotrace.testing.truth;

import static com.google.common.truth.Fact.fact;

import com.google.common.truth.Fact;
import com.google.common.truth.FailureMetadata;
import com.google.common.truth.Subject;
import dev.gotrace.semantic.EventKind;
import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Truth subject for a user task of a trace ({@link ParsedTraceSubject#hasTask}): its parent and
 * whether it ends. A subject made after the task was found missing checks nothing more.
 */
public final class TaskSubject extends Subject {
  /**
   * A task's beginning and the trace's events.
   *
   * @param begin the TaskBegin event
   * @param events every event, in Go's order
   */
  record TaskInfo(ParsedEvent begin, List<ParsedEvent> events) {
    Task task() {
      return begin.task();
    }

    /** The type of the task with this id, or {@code null} when no TaskBegin names it. */
    String typeOf(long id) {
      for (ParsedEvent e : events) {
        if (e.kind() == EventKind.TASK_BEGIN && e.task().id() == id) {
          return e.task().type();
        }
      }
      return null;
    }

    List<ParsedEvent> ofTask() {
      List<ParsedEvent> out = new ArrayList<>();
      for (ParsedEvent e : events) {
        if ((e.kind() == EventKind.TASK_BEGIN || e.kind() == EventKind.TASK_END)
            && (e.task().id() == task().id() || e.task().id() == task().parent())) {
          out.add(e);
        }
      }
      return out;
    }

    @Override
    public String toString() {
      return ParsedLines.line(begin);
    }
  }

  private final TaskInfo actual;

  private TaskSubject(FailureMetadata metadata, TaskInfo actual) {
    super(metadata, actual);
    this.actual = actual;
  }

  static Subject.Factory<TaskSubject, TaskInfo> tasks() {
    return TaskSubject::new;
  }

  /**
   * The task's parent is a task of this type.
   *
   * @param parentName the parent task's type
   * @return this subject, for more assertions on the task
   */
  public TaskSubject withParent(String parentName) {
    Objects.requireNonNull(parentName, "parentName == null");
    if (actual == null) {
      return this;
    }
    long parent = actual.task().parent();
    String type = parent == Task.NO_TASK || parent == 0 ? null : actual.typeOf(parent);
    if (!parentName.equals(type)) {
      report(fact("expected parent", ParsedTraceSubject.quote(parentName)),
          fact("but the parent was", parent == Task.NO_TASK || parent == 0 ? "none"
              : type == null ? "task " + Long.toUnsignedString(parent) + ", never begun"
              : ParsedTraceSubject.quote(type) + " (id " + Long.toUnsignedString(parent) + ")"));
    }
    return this;
  }

  /**
   * The task has no parent task.
   *
   * @return this subject
   */
  public TaskSubject withoutParent() {
    if (actual != null) {
      long parent = actual.task().parent();
      if (parent != Task.NO_TASK && parent != 0) {
        report(fact("expected no parent", "the task is a root"),
            fact("but the parent was", "id " + Long.toUnsignedString(parent)));
      }
    }
    return this;
  }

  /**
   * The task ends in the trace ({@code task.End()}).
   *
   * @return this subject
   */
  public TaskSubject ended() {
    if (actual != null) {
      for (ParsedEvent e : actual.events()) {
        if (e.kind() == EventKind.TASK_END && e.task().id() == actual.task().id()) {
          return this;
        }
      }
      report(fact("expected the task to end", "a TaskEnd for id "
          + Long.toUnsignedString(actual.task().id())));
    }
    return this;
  }

  private void report(Fact first, Fact second) {
    failWithoutActual(first, second, fact("task", ParsedLines.line(actual.begin())),
        fact("it and its parent (-d=parsed)", ParsedLines.of(actual.ofTask())));
  }

  private void report(Fact first) {
    failWithoutActual(first, fact("task", ParsedLines.line(actual.begin())),
        fact("it and its parent (-d=parsed)", ParsedLines.of(actual.ofTask())));
  }
}
