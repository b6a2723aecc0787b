package dev.gotrace.kit.harness;

import static com.google.common.truth.Truth.assertThat;

import dev.gotrace.kit.adapter.GotraceAdapter;
import dev.gotrace.kit.events.Json;
import dev.gotrace.kit.report.ReportWriter;
import dev.gotrace.kit.runner.InProcessRunner;
import dev.gotrace.kit.runner.Outcome;
import dev.gotrace.kit.runner.Response;
import dev.gotrace.kit.suite.CiSuite;
import dev.gotrace.kit.suite.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportsTest {
  /** gotrace, except that it rejects every go 1.23 trace as a version it does not support. */
  private static InProcessRunner no123() {
    InProcessRunner real = GotraceAdapter.inProcess();
    return new InProcessRunner("no-1.23", bytes -> {
      if (new String(bytes, 0, 12).startsWith("go 1.23")) {
        return Response.builder(Outcome.REJECTED).exitCode(1)
            .message("unsupported trace version go 1.23").build();
      }
      try {
        return real.run(dev.gotrace.kit.runner.DecoderInput.of("x", bytes));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  private static Suite some() {
    return CiSuite.suite().filter(Pattern.compile("/(scenario|corpus)-"));
  }

  @Test
  void unsupportedVersionIsItsOwnCategoryAndVersionsExcuseIt() throws Exception {
    Scorecard card = DecoderHarness.builder(ReportsTest::no123).build().run(some());
    long go123 = some().cases().stream().filter(c -> c.goVersion().equals("1.23")).count();
    assertThat(go123).isGreaterThan(5);
    assertThat(card.count(Category.UNSUPPORTED_VERSION)).isEqualTo((int) go123);
    assertThat(card.failures()).hasSize((int) go123);
    Scorecard excused = DecoderHarness.builder(ReportsTest::no123)
        .versions(java.util.Set.of("1.22", "1.25", "1.26")).build().run(some());
    assertThat(excused.passed()).isTrue();
    assertThat(excused.count(Category.UNSUPPORTED_VERSION)).isEqualTo((int) go123);
  }

  @Test
  void reportsAndBaseline(@TempDir Path tmp) throws Exception {
    Scorecard card = DecoderHarness.builder(ReportsTest::no123).build().run(some());
    Path dir = tmp.resolve("report");
    ReportWriter.write(card, dir, List.of("my-parser", "--flag"), false);
    Map<String, Object> json = Json.parseObject(Files.readString(dir.resolve("report.json")));
    assertThat(json.get("passed")).isEqualTo(false);
    assertThat((List<?>) json.get("results")).hasSize(card.results().size());
    Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(dir.resolve("junit.xml").toFile());
    assertThat(junit.getElementsByTagName("testcase").getLength())
        .isEqualTo(card.results().size());
    assertThat(junit.getElementsByTagName("failure").getLength())
        .isEqualTo(card.failures().size());
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html).contains("unsupported version");
    CaseResult f = card.failures().get(0);
    assertThat(html).contains("cases/" + f.testCase().id() + ".diff.txt");
    for (String suffix : List.of(".trace", ".wire.txt", ".diff.txt", ".sh")) {
      assertThat(Files.exists(dir.resolve("cases/" + f.testCase().id() + suffix))).isTrue();
    }
    assertThat(Files.readString(dir.resolve("cases/" + f.testCase().id() + ".sh")))
        .contains("my-parser --flag ");
    // The written baseline excuses exactly these failures.
    Baseline b = Baseline.read(dir.resolve("baseline.txt"));
    Scorecard again = DecoderHarness.builder(ReportsTest::no123).baseline(b).build().run(some());
    assertThat(again.passed()).isTrue();
    Scorecard other = DecoderHarness.builder(() -> new InProcessRunner("rejects all",
        x -> Response.builder(Outcome.REJECTED).exitCode(1).message("no").build())).baseline(b)
        .build().run(some());
    assertThat(other.passed()).isFalse();
  }
}
