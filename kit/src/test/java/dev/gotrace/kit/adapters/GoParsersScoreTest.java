package dev.gotrace.kit.adapters;

import static com.google.common.truth.Truth.assertThat;

import dev.gotrace.kit.harness.CaseResult;
import dev.gotrace.kit.harness.Category;
import dev.gotrace.kit.harness.DecoderHarness;
import dev.gotrace.kit.harness.Scorecard;
import dev.gotrace.kit.runner.StreamRunner;
import dev.gotrace.kit.suite.CiSuite;
import dev.gotrace.kit.suite.Suite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go is the oracle: the exported suite's expectations must be exactly what Go's parsers say. Go's
 * own parser (the installed toolchain's internal/trace, which {@code go tool trace -d=parsed}
 * runs) and golang.org/x/exp/trace at its pinned version must both score 100%, deliver the
 * expected events before every error, and reject every invalid case with the expected message.
 */
class GoParsersScoreTest {
  private static Scorecard score(Path adapter) throws Exception {
    Suite suite = CiSuite.suite();
    return DecoderHarness.builder(() -> new StreamRunner(List.of(adapter.toString(), "-stream"),
        Duration.ofSeconds(30))).build().run(suite);
  }

  private static void assertPerfect(Scorecard card) {
    assertThat(card.results().size()).isAtLeast(1000);
    assertThat(card.summary(10)).contains("score: 100.0% pass");
    assertThat(card.failures()).isEmpty();
    assertThat(card.count(Category.PASS)).isEqualTo(card.results().size());
    int[] msg = card.messageAgreement();
    long invalid = card.results().stream().filter(r -> !r.testCase().valid()
        && !r.testCase().goPanics()).count();
    assertThat(msg[1]).isEqualTo((int) invalid);
    assertThat(msg[0]).isEqualTo(msg[1]);
    int[] prefix = card.prefixAgreement();
    assertThat(prefix[0]).isEqualTo(prefix[1]);
    assertThat(prefix[1]).isGreaterThan(100);
  }

  @Test
  void goOwnParserScoresOneHundredPercent() throws Exception {
    assertPerfect(score(GoAdapters.get().goParser()));
  }

  @Test
  void xexpTraceAtItsPinScoresOneHundredPercent() throws Exception {
    assertPerfect(score(GoAdapters.get().xexp()));
  }

  @Test
  void goToolTraceAgreesWithTheExpectationsOnASample() throws Exception {
    // The adapters run the parser go tool trace -d=parsed runs; this ties them to the tool
    // itself, on every 20th case and every case where Go panics.
    GoAdapters go = GoAdapters.get();
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    List<Suite.Case> cases = CiSuite.suite().cases();
    for (int i = 0; i < cases.size(); i++) {
      Suite.Case c = cases.get(i);
      if (i % 20 != 0 && !c.goPanics()) {
        continue;
      }
      checked++;
      String out;
      try {
        out = go.goToolTraceParsed(c.trace());
      } catch (AssertionError e) {
        String m = e.getMessage();
        String said = m.substring(m.indexOf(" failed:") + " failed:".length()).strip();
        if (c.valid() || !DecoderHarness.sameMessage(said, c.message())) {
          wrong.add(c.id() + ": " + m.replaceAll("\\s+", " "));
        }
        continue;
      }
      if (!c.valid() || !out.equals(c.expectedParsed())) {
        wrong.add(c.id() + (c.valid() ? ": other events" : ": accepted"));
      }
    }
    assertThat(checked).isAtLeast(50);
    assertThat(wrong).isEmpty();
  }

  static long count(Scorecard card, Category c) {
    return card.results().stream().map(CaseResult::category).filter(c::equals).count();
  }
}
