package dev.gotrace.conformance.oracle;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.gotrace.spec.ArgSpec;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.Experiment;
import dev.gotrace.spec.TraceVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gotrace's one event table ({@link EventType}) and its versions ({@link TraceVersion}) agree
 * with the installed toolchain's {@code tracev2} table and {@code version} package, row by row.
 * Mismatches are collected and reported together, so one run shows every disagreement.
 */
class SpecTableAgainstGoTest {
  private static GoSpecTable go;

  @BeforeAll
  static void readGoTable() {
    go = GoSpecTable.fromOracle();
  }

  @Test
  void everyGoEvent_isInOurTableWithTheSameShape() {
    List<String> mismatches = new ArrayList<>();
    for (GoSpecTable.Row row : go.rows().values()) {
      EventType t = EventType.ofWire(row.index());
      if (t == null) {
        mismatches.add(row.index() + " " + row.name() + ": missing from EventType");
        continue;
      }
      String at = row.index() + " " + row.name() + ": ";
      check(mismatches, at + "name", row.name(), t.goName());
      check(mismatches, at + "args", row.args(), argNames(t));
      check(mismatches, at + "string-id args (Go's order)", row.stringIds(), list(t.stringArgs()));
      check(mismatches, at + "stack-id args (Go's order)", row.stackIds(), list(t.stackArgs()));
      check(mismatches, at + "timed", row.timed(), t.isTimed());
      check(mismatches, at + "has data", row.hasData(), t.hasData());
      check(mismatches, at + "is stack", row.isStack(), t.isStack());
      check(mismatches, at + "experiment", row.experiment(), t.experiment().id());
      check(mismatches, at + "started by", row.startEv(),
          t.startedBy() == null ? 0 : t.startedBy().wire());
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void everyEventOfOurs_isInGoTable() {
    List<String> extra = new ArrayList<>();
    for (EventType t : EventType.values()) {
      GoSpecTable.Row row = go.rows().get(t.wire());
      if (row == null || !row.name().equals(t.goName())) {
        extra.add(t + " (wire " + t.wire() + ", " + t.goName() + ")");
      }
    }
    assertThat(extra).isEmpty();
  }

  @Test
  void versions_areGoV2Versions() {
    List<Integer> ours = new ArrayList<>();
    for (TraceVersion v : TraceVersion.values()) {
      ours.add(v.number());
    }
    assertThat(ours).containsExactlyElementsIn(go.versionPrefixLengths().keySet());
  }

  @Test
  void eachVersionsRawTable_isGoVersionPrefix() {
    List<String> mismatches = new ArrayList<>();
    for (TraceVersion v : TraceVersion.values()) {
      Integer prefix = go.versionPrefixLengths().get(v.number());
      assertWithMessage("Go's prefix length for go 1.%s", v.number()).that(prefix).isNotNull();
      for (EventType t : EventType.values()) {
        boolean goIncludes = t.wire() < prefix;
        if (v.rawTableIncludes(t) != goIncludes) {
          mismatches.add("go 1." + v.number() + " " + t.goName() + ": Go "
              + (goIncludes ? "includes" : "excludes") + " it");
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void latestVersion_takesGoWholeTable() {
    assertThat(go.versionPrefixLengths().get(TraceVersion.latest().number()))
        .isEqualTo(go.tableLength());
    assertThat(go.versionPrefixLengths().keySet().stream().mapToInt(Integer::intValue).max()
        .getAsInt()).isEqualTo(TraceVersion.latest().number());
  }

  @Test
  void experiments_haveGoIdsAndNames() {
    Map<Integer, String> ours = new TreeMap<>();
    for (Experiment e : Experiment.values()) {
      ours.put(e.id(), e.goName());
    }
    assertThat(ours).containsExactlyEntriesIn(go.experiments());
  }

  @Test
  void timedEventArgumentLimit_holdsForGoTable() {
    for (GoSpecTable.Row row : go.rows().values()) {
      if (row.timed()) {
        assertWithMessage(row.name()).that(row.args().size())
            .isAtMost(EventType.MAX_TIMED_EVENT_ARGS);
      }
    }
  }

  private static <T> void check(List<String> mismatches, String what, T go, T ours) {
    if (!go.equals(ours)) {
      mismatches.add(what + ": Go has " + go + ", gotrace has " + ours);
    }
  }

  private static List<String> argNames(EventType t) {
    List<String> names = new ArrayList<>();
    for (ArgSpec a : t.args()) {
      names.add(a.name());
    }
    return names;
  }

  private static List<Integer> list(int[] xs) {
    List<Integer> out = new ArrayList<>();
    for (int x : xs) {
      out.add(x);
    }
    return out;
  }
}
