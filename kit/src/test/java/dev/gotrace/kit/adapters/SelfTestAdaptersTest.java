package dev.gotrace.kit.adapters;

import static com.google.common.truth.Truth.assertThat;

import dev.gotrace.kit.harness.CaseResult;
import dev.gotrace.kit.harness.Category;
import dev.gotrace.kit.harness.DecoderHarness;
import dev.gotrace.kit.harness.Scorecard;
import dev.gotrace.kit.runner.ExecRunner;
import dev.gotrace.kit.runner.StreamRunner;
import dev.gotrace.kit.suite.CiSuite;
import dev.gotrace.kit.suite.Suite;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The harness catches deliberately wrong adapters, each with exactly the categories its fault
 * must produce: the x/exp adapter with one -selftest-* flag, on every 8th case of the suite.
 */
class SelfTestAdaptersTest {
  private static final Suite SUBSET = subset();

  private static Suite subset() {
    List<Suite.Case> all = CiSuite.suite().cases();
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < all.size(); i += 8) {
      ids.append(ids.length() == 0 ? "" : "|").append(Pattern.quote(all.get(i).id()));
    }
    return CiSuite.suite().filter(Pattern.compile("^(" + ids + ")$"));
  }

  private static Scorecard run(boolean stream, String... flags) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(GoAdapters.get().xexp().toString()));
    cmd.addAll(List.of(flags));
    Duration timeout = Duration.ofSeconds(3);
    if (stream) {
      cmd.add("-stream");
      return DecoderHarness.builder(() -> new StreamRunner(cmd, timeout)).build().run(SUBSET);
    }
    return DecoderHarness.builder(() -> new ExecRunner(cmd, timeout)).build().run(SUBSET);
  }

  /** The categories expected: {@code category} for the cases {@code which} picks, else PASS. */
  private static Map<Category, Integer> expected(Category category, Predicate<Suite.Case> which) {
    Map<Category, Integer> m = new EnumMap<>(Category.class);
    for (Suite.Case c : SUBSET.cases()) {
      m.merge(which.test(c) ? category : Category.PASS, 1, Integer::sum);
    }
    return m;
  }

  private static Map<Category, Integer> actual(Scorecard card) {
    Map<Category, Integer> m = new EnumMap<>(Category.class);
    for (CaseResult r : card.results()) {
      m.merge(r.category(), 1, Integer::sum);
    }
    return m;
  }

  private static boolean hasEvents(Suite.Case c, String kind) {
    try {
      return c.expectedEvents().stream().anyMatch(l -> l.startsWith("{\"kind\":\"" + kind + "\""));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String sha(Suite.Case c) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.bytes()));
  }

  private static Suite.Case firstValid(int skip) {
    return SUBSET.cases().stream().filter(Suite.Case::valid).skip(skip).findFirst().orElseThrow();
  }

  @Test
  void subsetHasEveryKindOfCase() {
    assertThat(SUBSET.cases().size()).isAtLeast(120);
    assertThat(SUBSET.cases().stream().filter(c -> !c.valid()).count()).isAtLeast(20);
    assertThat(SUBSET.cases().stream().filter(c -> hasEvents(c, "Log")).count()).isAtLeast(5);
  }

  @Test
  void acceptingEverythingIsCaughtAsFalseAccepts() throws Exception {
    assertThat(actual(run(false, "-selftest-accept-all"))).isEqualTo(
        expected(Category.FALSE_ACCEPT, c -> !c.valid() && !c.goPanics()));
  }

  @Test
  void droppingLogEventsIsCaughtAsWrongEvents() throws Exception {
    Scorecard card = run(true, "-selftest-drop-kind=Log");
    assertThat(actual(card)).isEqualTo(
        expected(Category.WRONG_EVENTS, c -> c.valid() && hasEvents(c, "Log")));
    // And the first difference shown is the missing Log.
    CaseResult r = card.failures().get(0);
    assertThat(r.diff().expected()).contains(" Log ");
  }

  @Test
  void aCrashOnOneInputIsBlamedOnItWithItsSite() throws Exception {
    Suite.Case victim = firstValid(3);
    for (boolean stream : new boolean[] {false, true}) {
      Scorecard card = run(stream, "-selftest-crash-on=" + sha(victim).substring(0, 16));
      assertThat(actual(card)).isEqualTo(expected(Category.CRASH, c -> c == victim));
      CaseResult r = card.failures().get(0);
      assertThat(r.testCase().id()).isEqualTo(victim.id());
      assertThat(r.detail()).startsWith("panic: selftest: crash on ");
      assertThat(r.detail()).contains(" at main.parse (");
    }
  }

  @Test
  void aHangOnOneInputIsBlamedOnIt() throws Exception {
    Suite.Case victim = firstValid(5);
    Scorecard card = run(true, "-selftest-hang-on=" + sha(victim).substring(0, 16));
    assertThat(actual(card)).isEqualTo(expected(Category.HANG, c -> c == victim));
    assertThat(card.failures().get(0).testCase().id()).isEqualTo(victim.id());
  }

  @Test
  void aWrongEventIsCaughtWithBothSides() throws Exception {
    Scorecard card = run(true, "-selftest-wrong-event");
    assertThat(actual(card)).isEqualTo(
        expected(Category.WRONG_EVENTS, c -> c.valid() && c.eventCount() >= 2));
    CaseResult r = card.failures().get(0);
    assertThat(r.diff().index()).isEqualTo(1);
    assertThat(r.diff().actual()).isEqualTo(r.diff().expected() + " (wrong)");
  }
}
