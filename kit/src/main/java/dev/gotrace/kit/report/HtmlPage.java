package dev.gotrace.kit.report;

import dev.gotrace.kit.harness.CaseResult;
import dev.gotrace.kit.harness.Category;
import dev.gotrace.kit.harness.Scorecard;
import java.util.List;
import java.util.Map;

/**
 * The static HTML report: one page, no scripts or outside resources. The matrix counts cases by
 * category and Go version; each failing case links to its trace, text dump, diff and repro.
 */
final class HtmlPage {
  private HtmlPage() {}

  static String of(Scorecard card) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>gotrace conform</title>"
        + "<style>body{font:14px sans-serif;margin:2em}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
        + "td.l,th.l{text-align:left}tr.fail td.n{background:#fdd}tr.pass td.n{background:#dfd}"
        + "pre{background:#f6f6f6;padding:6px;white-space:pre-wrap}</style></head><body>\n");
    b.append("<h1>gotrace conform</h1>\n<p>Decoder: <code>").append(Xml.esc(card.decoder()))
        .append("</code><br>Suite: <code>").append(Xml.esc(card.suiteDir().toString()))
        .append("</code> (").append(card.results().size()).append(" cases)<br>Score: <b>")
        .append(String.format("%.1f%%", card.score())).append("</b> pass; ")
        .append(card.failures().size()).append(" failures</p>\n");
    List<String> vs = card.versions();
    Map<String, Map<Category, Integer>> m = card.matrix();
    b.append("<table><tr><th class=\"l\">category</th>");
    for (String v : vs) {
      b.append("<th>go").append(v).append("</th>");
    }
    b.append("<th>total</th></tr>\n");
    for (Category c : Category.values()) {
      int total = card.count(c);
      b.append("<tr class=\"").append(c.isFailure() && total > 0 ? "fail" : c.isFailure() ? ""
          : "pass").append("\"><td class=\"l\">").append(c.label()).append("</td>");
      for (String v : vs) {
        b.append("<td class=\"n\">").append(m.get(v).get(c)).append("</td>");
      }
      b.append("<td class=\"n\">").append(total).append("</td></tr>\n");
    }
    b.append("</table>\n");
    int[] msg = card.messageAgreement();
    int[] pre = card.prefixAgreement();
    b.append("<p>Message agreement: ").append(msg[0]).append(" of ").append(msg[1])
        .append(" rejections contain Go's message. Prefix agreement: ").append(pre[0])
        .append(" of ").append(pre[1]).append(".</p>\n");
    List<CaseResult> failures = card.failures();
    if (!failures.isEmpty()) {
      b.append("<h2>Failing cases</h2>\n<table><tr><th class=\"l\">case</th>"
          + "<th class=\"l\">category</th><th class=\"l\">detail</th>"
          + "<th class=\"l\">files</th></tr>\n");
      for (CaseResult r : failures) {
        b.append("<tr><td class=\"l\"><code>").append(Xml.esc(r.testCase().id()))
            .append("</code></td><td class=\"l\">").append(r.category().label())
            .append("</td><td class=\"l\">").append(Xml.esc(r.detail()));
        if (r.diff() != null) {
          b.append("<pre>").append(Xml.esc(r.diff().toString())).append("</pre>");
        }
        b.append("</td><td class=\"l\">");
        for (String[] f : new String[][] {{".trace", "trace"}, {".wire.txt", "dump"},
            {".diff.txt", "diff"}, {".sh", "repro"}}) {
          b.append("<a href=\"").append(Xml.esc(ReportWriter.caseFile(r, f[0]))).append("\">")
              .append(f[1]).append("</a> ");
        }
        b.append("</td></tr>\n");
      }
      b.append("</table>\n");
    }
    return b.append("</body></html>\n").toString();
  }
}
