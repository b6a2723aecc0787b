package dev.gotrace.spec;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Invariants of the event-spec table itself (the table is also checked against Go's). */
class SpecTableTest {
  @Test
  void wireNumbersAndNamesAreUnique() {
    Set<Integer> wires = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (EventType t : EventType.values()) {
      assertWithMessage("duplicate wire number %s", t.wire()).that(wires.add(t.wire())).isTrue();
      assertWithMessage("duplicate name %s", t.goName()).that(names.add(t.goName())).isTrue();
      assertThat(EventType.ofWire(t.wire())).isSameInstanceAs(t);
      assertThat(EventType.ofGoName(t.goName())).isSameInstanceAs(t);
    }
  }

  @Test
  void wireNumbersFillTheRegularAndExperimentalRanges() {
    for (int w = 0; w < 256; w++) {
      boolean defined = (w >= 1 && w <= 52) || (w >= 128 && w <= 136);
      assertWithMessage("wire %s", w).that(EventType.ofWire(w) != null).isEqualTo(defined);
    }
    assertThat(EventType.ofWire(-1)).isNull();
    assertThat(EventType.ofWire(256)).isNull();
  }

  @Test
  void experimentalEventsAreExactlyThoseAboveTheRegularRange() {
    for (EventType t : EventType.values()) {
      boolean experimental = t.wire() > EventType.MAX_REGULAR_WIRE;
      assertWithMessage(t.goName()).that(t.isExperimental()).isEqualTo(experimental);
      if (experimental) {
        assertThat(t.experiment()).isEqualTo(Experiment.ALLOC_FREE);
        assertThat(t.isTimed()).isTrue();
      }
    }
  }

  @Test
  void timedEventsStartWithDtAndHaveAtMostFiveArguments() {
    for (EventType t : EventType.values()) {
      if (t.isTimed()) {
        assertWithMessage(t.goName()).that(t.args().get(0).name()).isEqualTo("dt");
        assertWithMessage(t.goName()).that(t.argCount())
            .isAtMost(EventType.MAX_TIMED_EVENT_ARGS);
      } else {
        assertWithMessage(t.goName()).that(t.argIndex("dt")).isEqualTo(-1);
      }
    }
  }

  @Test
  void stringAndStackIndexesNameExactlyTheArgumentsOfThatKind() {
    for (EventType t : EventType.values()) {
      Set<Integer> stacks = new HashSet<>();
      for (int i : t.stackArgs()) {
        assertWithMessage("%s stack index %s", t.goName(), i).that(stacks.add(i)).isTrue();
      }
      Set<Integer> strings = new HashSet<>();
      for (int i : t.stringArgs()) {
        assertWithMessage("%s string index %s", t.goName(), i).that(strings.add(i)).isTrue();
      }
      for (int i = 0; i < t.argCount(); i++) {
        ArgKind kind = t.args().get(i).kind();
        assertWithMessage("%s arg %s", t.goName(), t.args().get(i))
            .that(stacks.contains(i)).isEqualTo(kind == ArgKind.STACK_ID);
        assertWithMessage("%s arg %s", t.goName(), t.args().get(i))
            .that(strings.contains(i)).isEqualTo(kind == ArgKind.STRING_ID);
      }
    }
  }

  @Test
  void theFirstStackIndexIsTheEventsOwnStack() {
    // Go lists the stack of the event's execution context first: GoCreate's "stack" before
    // "new_stack".
    for (EventType t : EventType.values()) {
      if (t.stackArgs().length > 0) {
        assertWithMessage(t.goName()).that(t.args().get(t.stackArgs()[0]).name())
            .isEqualTo("stack");
      }
    }
  }

  @Test
  void onlyStringAndExperimentalBatchCarryDataAndOnlyStackHasFrames() {
    for (EventType t : EventType.values()) {
      assertThat(t.hasData())
          .isEqualTo(t == EventType.STRING || t == EventType.EXPERIMENTAL_BATCH);
      assertThat(t.isStack()).isEqualTo(t == EventType.STACK);
      if (t.isTimed()) {
        assertThat(t.hasData()).isFalse();
      }
    }
    assertThat(EventType.STACK.args().get(1).kind()).isEqualTo(ArgKind.FRAME_COUNT);
    assertThat(EventType.FRAME_FIELDS).containsExactly("pc", "func", "file", "line").inOrder();
  }

  @Test
  void rangeEndsPointAtTheirBeginEvent() {
    for (EventType t : EventType.values()) {
      EventType start = t.startedBy();
      if (start != null) {
        assertWithMessage(t.goName()).that(start.isTimed()).isTrue();
        assertWithMessage(t.goName()).that(start.startedBy()).isNull();
        assertWithMessage(t.goName()).that(start.wire()).isNotEqualTo(t.wire());
      }
    }
    assertThat(EventType.GC_END.startedBy()).isEqualTo(EventType.GC_BEGIN);
    assertThat(EventType.USER_REGION_END.startedBy()).isEqualTo(EventType.USER_REGION_BEGIN);
  }

  @Test
  void versionsTakePrefixesOfTheTable() {
    TraceVersion[] versions = TraceVersion.values();
    for (int v = 0; v < versions.length; v++) {
      TraceVersion version = versions[v];
      int last = 0;
      for (EventType t : EventType.values()) {
        if (version.rawTableIncludes(t)) {
          last = Math.max(last, t.wire());
        }
      }
      for (EventType t : EventType.values()) {
        assertWithMessage("%s %s", version, t).that(version.rawTableIncludes(t))
            .isEqualTo(t.wire() <= last);
      }
      // Each version's table contains the previous one's.
      if (v > 0) {
        for (EventType t : EventType.values()) {
          if (versions[v - 1].rawTableIncludes(t)) {
            assertThat(version.rawTableIncludes(t)).isTrue();
          }
        }
      }
    }
  }

  @Test
  void everyRegularEventIsInTheTableOfTheVersionThatIntroducedIt() {
    for (EventType t : EventType.values()) {
      if (!t.isExperimental()) {
        for (TraceVersion v : TraceVersion.values()) {
          boolean since = v.compareTo(t.since()) >= 0;
          assertWithMessage("%s in %s", t, v).that(v.rawTableIncludes(t)).isEqualTo(since);
        }
      }
    }
    // AllocFree events are written from go 1.23 on but named only by the go 1.26 table.
    assertThat(TraceVersion.GO_1_25.rawTableIncludes(EventType.SPAN)).isFalse();
    assertThat(TraceVersion.GO_1_26.rawTableIncludes(EventType.GOROUTINE_STACK_FREE)).isTrue();
  }

  @Test
  void headersAreSixteenBytes() {
    for (TraceVersion v : TraceVersion.values()) {
      assertThat(v.header()).hasLength(TraceVersion.HEADER_LENGTH);
      assertThat(TraceVersion.ofNumber(v.number())).isEqualTo(v);
    }
    assertThat(new String(TraceVersion.GO_1_26.header(), java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("go 1.26 trace\0\0\0");
    assertThat(TraceVersion.ofNumber(24)).isNull();
    assertThat(TraceVersion.ofNumber(21)).isNull();
  }

  @Test
  void argumentKindsFollowGosNamingConvention() {
    assertThat(EventType.kindOf("p_seq")).isEqualTo(ArgKind.SEQUENCE);
    assertThat(EventType.kindOf("reason_string")).isEqualTo(ArgKind.STRING_ID);
    assertThat(EventType.kindOf("new_stack")).isEqualTo(ArgKind.STACK_ID);
    assertThat(EventType.kindOf("new_g")).isEqualTo(ArgKind.GOROUTINE);
    assertThat(EventType.kindOf("parent_task")).isEqualTo(ArgKind.TASK);
    assertThat(EventType.kindOf("heapgoal_value")).isEqualTo(ArgKind.VALUE);
    assertThat(EventType.kindOf("kindclass")).isEqualTo(ArgKind.RAW);
    for (EventType t : EventType.values()) {
      for (ArgSpec a : t.args()) {
        assertThat(Arrays.asList(ArgKind.values())).contains(a.kind());
      }
    }
  }
}
