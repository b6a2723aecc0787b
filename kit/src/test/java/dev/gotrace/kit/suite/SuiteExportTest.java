package dev.gotrace.kit.suite;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.gotrace.kit.events.Json;
import dev.gotrace.spec.TraceVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteExportTest {
  @Test
  void exportingTwiceGivesTheSameBytes(@TempDir Path tmp) throws IOException {
    // Built twice from scratch, not one list exported twice: the build must be deterministic too.
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    SuiteExporter.export(small(), a);
    SuiteExporter.export(small(), b);
    Map<String, byte[]> fa = files(a);
    Map<String, byte[]> fb = files(b);
    assertThat(fa.keySet()).isEqualTo(fb.keySet());
    assertThat(fa.size()).isGreaterThan(100);
    for (String k : fa.keySet()) {
      assertWithMessage(k).that(fa.get(k)).isEqualTo(fb.get(k));
    }
    // And an export over an earlier one replaces it.
    SuiteExporter.export(small().subList(0, 5), a);
    assertThat(Suite.load(a).cases()).hasSize(5);
    assertThat(files(a).keySet().stream().filter(k -> k.endsWith(".trace")).count()).isEqualTo(5);
  }

  private static List<SuiteCase> small() throws IOException {
    return SuiteBuilder.create().scenarios(false).randomPerVersion(5).mutantsPerVersion(5)
        .build();
  }

  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> m = new HashMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return m;
  }

  @Test
  void theSuiteHasAThousandCasesOverTheFourVersionsFromEverySource() {
    List<SuiteCase> cases = CiSuite.cases();
    assertThat(cases.size()).isAtLeast(1000);
    for (TraceVersion v : TraceVersion.values()) {
      String go = "1." + v.number();
      assertWithMessage("valid go" + go).that(
          cases.stream().filter(c -> c.goVersion().equals(go) && c.valid()).count())
          .isAtLeast(100);
      assertWithMessage("invalid go" + go).that(
          cases.stream().filter(c -> c.goVersion().equals(go) && !c.valid()).count())
          .isAtLeast(30);
    }
    for (CaseSource s : CaseSource.values()) {
      assertWithMessage(s.name()).that(cases.stream().filter(c -> c.source() == s).count())
          .isAtLeast(10);
    }
    assertThat(cases.stream().map(SuiteCase::id).distinct().count()).isEqualTo(cases.size());
  }

  @Test
  void manifestStatesEveryCaseWithItsExpectation() throws Exception {
    Suite suite = CiSuite.suite();
    List<SuiteCase> cases = CiSuite.cases();
    assertThat(suite.cases()).hasSize(cases.size());
    Map<String, Object> manifest = Json.parseObject(
        Files.readString(suite.dir().resolve("manifest.json")));
    assertThat(manifest.get("format")).isEqualTo(SuiteExporter.FORMAT);
    assertThat(manifest.get("event_form")).isEqualTo("gotrace-events/1");
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      SuiteCase c = cases.get(i);
      Suite.Case m = suite.cases().get(i);
      if (!m.id().equals(c.id()) || m.valid() != c.valid()
          || !java.util.Arrays.equals(m.bytes(), c.bytes())
          || m.eventCount() != c.verdict().canonicalEvents().size()
          || !m.expectedEvents().equals(c.verdict().canonicalEvents())
          || (!c.valid() && !m.message().equals(c.verdict().error().goMessage()))) {
        mismatches.add(c.id());
      }
      if (!c.valid()) {
        assertThat(m.stage()).isNotEmpty();
        assertThat(m.offset()).isAtLeast(0L);
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(Files.readString(suite.dir().resolve("README.md")))
        .contains(cases.size() + " cases");
  }

  @Test
  void invalidMutantsAreMinimised() {
    // Random traces of 30-70 events; the minimiser leaves most mutants far smaller.
    List<SuiteCase> mutants = CiSuite.cases().stream().filter(c -> c.source() == CaseSource.MUTANT)
        .toList();
    long minimised = mutants.stream().filter(c -> c.provenance().endsWith(", minimised")).count();
    assertThat(minimised).isAtLeast(mutants.size() * 9L / 10);
    double meanEvents = mutants.stream().mapToInt(c -> c.verdict().canonicalEvents().size())
        .average().orElse(99);
    assertThat(meanEvents).isLessThan(15.0);
  }
}
