package dev.gotrace.conformance.semantic;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.gotrace.fixtures.dsl.random.RandomSemanticTraces;
import dev.gotrace.fixtures.dsl.scenarios.Scenario;
import dev.gotrace.fixtures.dsl.scenarios.ScenarioCatalog;
import dev.gotrace.semantic.SemanticReader;
import dev.gotrace.semantic.TraceValidationException;
import dev.gotrace.semantic.ValidationMode;
import dev.gotrace.spec.TraceVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every scenario of the fixture catalog gets from gotrace's validator the verdict it claims; the
 * catalog's own tests check the same claims against Go's parser and validator, so this holds the
 * two to the same answers (message patterns included).
 */
class ScenarioVerdictsTest {
  @Test
  void everyCatalogScenarioGetsItsVerdictFromGotrace() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Scenario s : ScenarioCatalog.all()) {
      byte[] bytes = s.bytes();
      String parseError = firstProblem(bytes, ValidationMode.PARSER);
      String validateError = parseError.isEmpty() ? firstProblem(bytes, ValidationMode.STRICT) : "";
      if (!s.expectation().matches(parseError, validateError)) {
        wrong.add(s.name() + ": expected " + s.expectation() + ", got parse error <" + parseError
            + "> validator error <" + validateError + ">");
      }
      checked++;
    }
    assertWithMessage("scenarios whose verdict differs (of %s)", checked).that(wrong).isEmpty();
    assertWithMessage("scenarios checked").that(checked).isAtLeast(100);
  }

  @Test
  void randomDslTracesAreValidForGotraceToo() {
    // The same generator's output passes Go's parser and validator (RandomDslTracesAgainstGoTest).
    List<String> wrong = new ArrayList<>();
    for (int seed = 0; seed < 400; seed++) {
      TraceVersion v = TraceVersion.values()[seed % TraceVersion.values().length];
      byte[] bytes = RandomSemanticTraces.bytes(seed, v, 50 + seed * 5);
      String problem = firstProblem(bytes, ValidationMode.STRICT);
      if (!problem.isEmpty()) {
        wrong.add("seed " + seed + " " + v + ": " + problem);
      }
    }
    assertWithMessage("random DSL traces gotrace rejects").that(wrong).isEmpty();
  }

  /** Go's text of the first problem gotrace finds in {@code mode}, or "" when none. */
  private static String firstProblem(byte[] bytes, ValidationMode mode) {
    try {
      SemanticReader r = SemanticReader.open(new ByteArrayInputStream(bytes), mode);
      while (r.next() != null) {
        // Read to the end: problems are thrown.
      }
      return "";
    } catch (TraceValidationException e) {
      // Where Go's tools panic, the verdict is the panic, as the catalog writes it.
      return (e.stage() == TraceValidationException.Stage.PANIC ? "panic: " : "") + e.goMessage();
    } catch (IOException e) {
      return e.getMessage();
    }
  }
}
