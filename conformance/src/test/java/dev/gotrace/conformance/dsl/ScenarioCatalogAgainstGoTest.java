package dev.gotrace.conformance.dsl;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.gotrace.fixtures.dsl.Expectation;
import dev.gotrace.fixtures.dsl.scenarios.FailureScenarios;
import dev.gotrace.fixtures.dsl.scenarios.GoGeneratorScenarios;
import dev.gotrace.fixtures.dsl.scenarios.Scenario;
import dev.gotrace.fixtures.dsl.scenarios.ScenarioCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every catalog scenario gets from Go the verdict it claims: the oracle's parse-batch (Go's
 * parser, then Go's validator at the trace's version) for all of them in one run, and {@code go
 * tool trace -d=parsed}, which must fail exactly for the scenarios that expect a parser error.
 */
final class ScenarioCatalogAgainstGoTest {
  @TempDir static Path dir;

  private static final Map<Path, Scenario> SCENARIOS = new LinkedHashMap<>();

  @BeforeAll
  static void writeAll() throws Exception {
    for (Scenario s : ScenarioCatalog.all()) {
      Path f = dir.resolve(s.name() + ".trace");
      Files.write(f, s.bytes());
      SCENARIOS.put(f, s);
    }
  }

  @Test
  void catalogCoversGoGeneratorsAndMoreNewFailures() {
    long failures = FailureScenarios.all().stream()
        .filter(s -> s.expectation().kind() != Expectation.Kind.SUCCESS).count();
    assertThat(GoGeneratorScenarios.all()).hasSize(19);
    assertThat(failures).isAtLeast(GoGeneratorScenarios.all().size());
  }

  @Test
  void everyScenarioGetsItsVerdict_oracle() throws Exception {
    Map<Path, GoTools.Verdict> verdicts = GoTools.parseBatch(new ArrayList<>(SCENARIOS.keySet()));
    List<String> disagreements = new ArrayList<>();
    Map<Expectation.Kind, Integer> agreed = new LinkedHashMap<>();
    for (Map.Entry<Path, Scenario> e : SCENARIOS.entrySet()) {
      Scenario s = e.getValue();
      GoTools.Verdict v = verdicts.get(e.getKey());
      if (s.expectation().matches(v.parseError(), v.validateError())) {
        agreed.merge(s.expectation().kind(), 1, Integer::sum);
      } else {
        disagreements.add(s + ": Go said " + v);
      }
    }
    System.out.printf("scenario catalog: %d scenarios, verdicts agreed %s%n", SCENARIOS.size(),
        agreed);
    assertWithMessage("scenarios whose verdict Go disagrees with").that(disagreements).isEmpty();
  }

  @Test
  void goToolTraceFailsExactlyOnParseFailures() throws Exception {
    Map<Path, String> results = GoTools.goToolTraceParsed(new ArrayList<>(SCENARIOS.keySet()));
    List<String> disagreements = new ArrayList<>();
    results.forEach((f, err) -> {
      Scenario s = SCENARIOS.get(f);
      boolean expectParseError = s.expectation().kind() == Expectation.Kind.PARSE_FAILURE;
      if (expectParseError == err.isEmpty()) {
        disagreements.add(s + ": go tool trace -d=parsed "
            + (err.isEmpty() ? "succeeded" : "failed: " + err.lines().findFirst().orElse("")));
      }
    });
    assertWithMessage("go tool trace verdicts").that(disagreements).isEmpty();
  }
}
