package dev.gotrace.kit.report;

import dev.gotrace.kit.harness.CaseResult;
import dev.gotrace.kit.harness.Scorecard;
import java.util.List;

/** The JUnit XML report: one {@code testsuite} per Go version, one {@code testcase} per case. */
final class JunitXml {
  private JunitXml() {}

  static String of(Scorecard card) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<testsuites name=\"gotrace conform\" tests=\"").append(card.results().size())
        .append("\" failures=\"").append(card.failures().size()).append("\">\n");
    for (String v : card.versions()) {
      List<CaseResult> rs = card.results().stream()
          .filter(r -> r.testCase().goVersion().equals(v)).toList();
      long failures = rs.stream().filter(CaseResult::failed).count();
      double seconds = rs.stream().mapToLong(r -> r.response().elapsed().toMillis()).sum() / 1e3;
      b.append("  <testsuite name=\"go").append(v).append("\" tests=\"").append(rs.size())
          .append("\" failures=\"").append(failures).append("\" time=\"")
          .append(String.format("%.3f", seconds)).append("\">\n");
      for (CaseResult r : rs) {
        String id = r.testCase().id();
        int slash = id.lastIndexOf('/');
        b.append("    <testcase classname=\"").append(Xml.esc(id.substring(0, slash).replace('/',
            '.'))).append("\" name=\"").append(Xml.esc(id.substring(slash + 1)))
            .append("\" time=\"").append(String.format("%.3f",
                r.response().elapsed().toMillis() / 1e3)).append('"');
        if (!r.failed()) {
          b.append("/>\n");
          continue;
        }
        b.append(">\n      <failure type=\"").append(r.category().name()).append("\" message=\"")
            .append(Xml.esc(r.category().label() + ": " + r.detail())).append("\">")
            .append(Xml.esc(r.diff() == null ? r.response().toString() : r.diff().toString()))
            .append("</failure>\n    </testcase>\n");
      }
      b.append("  </testsuite>\n");
    }
    return b.append("</testsuites>\n").toString();
  }
}
