package dev.gotrace.kit.report;

import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.RecordReader;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.encoder.TextTraceWriter;
import dev.gotrace.kit.events.Json;
import dev.gotrace.kit.harness.Baseline;
import dev.gotrace.kit.harness.CaseResult;
import dev.gotrace.kit.harness.Category;
import dev.gotrace.kit.harness.Scorecard;
import dev.gotrace.wire.Record;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a run's reports into a directory: {@code report.json} (every case), {@code junit.xml}
 * (one test case per suite case, so CI systems show it), {@code index.html} (a self-contained
 * page: the matrix of categories by Go version, then each failing case linked to its files),
 * {@code baseline.txt} (the failures as a baseline), and for each failing case {@code
 * cases/ID.trace}, {@code .wire.txt} (its text dump), {@code .diff.txt} and {@code .sh} (the
 * command that reproduces it).
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** Writes the reports; {@code command} is the decoder's command line (for the repro). */
  public static void write(Scorecard card, Path dir, List<String> command, boolean stream)
      throws IOException {
    Files.createDirectories(dir.resolve("cases"));
    Files.writeString(dir.resolve("report.json"), json(card), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("junit.xml"), JunitXml.of(card), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("baseline.txt"), Baseline.of(card.results()),
        StandardCharsets.UTF_8);
    for (CaseResult r : card.failures()) {
      caseFiles(dir, r, command, stream);
    }
    Files.writeString(dir.resolve("index.html"), HtmlPage.of(card), StandardCharsets.UTF_8);
  }

  static String caseFile(CaseResult r, String suffix) {
    return "cases/" + r.testCase().id() + suffix;
  }

  private static void caseFiles(Path dir, CaseResult r, List<String> command, boolean stream)
      throws IOException {
    Path trace = dir.resolve(caseFile(r, ".trace"));
    Files.createDirectories(trace.getParent());
    byte[] bytes = r.testCase().bytes();
    Files.write(trace, bytes);
    Files.writeString(dir.resolve(caseFile(r, ".wire.txt")), dump(bytes), StandardCharsets.UTF_8);
    StringBuilder d = new StringBuilder();
    d.append("case:     ").append(r.testCase().id()).append('\n');
    d.append("category: ").append(r.category().name()).append('\n');
    d.append("detail:   ").append(r.detail()).append('\n');
    d.append("go:       ").append(r.testCase().valid() ? "accepts, "
        + r.testCase().eventCount() + " events" : r.testCase().verdict() + ": "
        + r.testCase().message() + " (stage " + r.testCase().stage() + ", offset "
        + r.testCase().offset() + ")").append('\n');
    d.append("decoder:  ").append(r.response()).append('\n');
    if (r.diff() != null) {
      d.append('\n').append(r.diff()).append('\n');
    }
    if (!r.response().stderr().isBlank()) {
      d.append("\nstderr:\n").append(r.response().stderr());
    }
    Files.writeString(dir.resolve(caseFile(r, ".diff.txt")), d, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(caseFile(r, ".sh")), repro(r, command, stream),
        StandardCharsets.UTF_8);
  }

  /** The shell commands that reproduce a case's run. */
  static String repro(CaseResult r, List<String> command, boolean stream) {
    StringBuilder cmd = new StringBuilder();
    for (String a : command) {
      cmd.append(shellQuote(a)).append(' ');
    }
    String file = shellQuote(r.testCase().trace().toAbsolutePath().toString());
    String suite = shellQuote(r.testCase().trace().toAbsolutePath().toString()
        .replace(r.testCase().id() + ".trace", ""));
    StringBuilder b = new StringBuilder("#!/bin/sh\n");
    if (!stream) {
      b.append("# the decoder on this case (exec protocol)\n").append(cmd).append(file)
          .append("\necho \"exit status $?\"\n");
    }
    b.append("# the harness on this case alone\n")
        .append("gotrace conform decoder --suite ").append(suite).append(" --filter ")
        .append(shellQuote("^" + Pattern.quote(r.testCase().id()) + "$"))
        .append(stream ? " --protocol=stream" : "").append(" -- ").append(cmd.toString().strip())
        .append('\n');
    return b.toString();
  }

  static String shellQuote(String s) {
    return s.matches("[A-Za-z0-9_./=:@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  private static String dump(byte[] bytes) {
    StringWriter out = new StringWriter();
    try {
      RecordReader reader = TraceDecoder.records(new ByteArrayInputStream(bytes),
          EventTable.FULL);
      TextTraceWriter text = TextTraceWriter.open(out, reader.version(), true);
      for (Record rec = reader.next(); rec != null; rec = reader.next()) {
        text.write(rec);
      }
    } catch (IOException e) {
      out.write("\n# gotrace dump stops here: " + e.getMessage() + "\n");
    }
    return out.toString();
  }

  private static String json(Scorecard card) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("decoder", card.decoder());
    o.put("suite", card.suiteDir().toString());
    o.put("cases", card.results().size());
    o.put("passed", card.passed());
    o.put("score_percent", Math.round(card.score() * 10) / 10.0);
    Map<String, Object> matrix = new LinkedHashMap<>();
    for (Map.Entry<String, Map<Category, Integer>> e : card.matrix().entrySet()) {
      Map<String, Object> row = new LinkedHashMap<>();
      e.getValue().forEach((k, v) -> row.put(k.name(), v));
      matrix.put(e.getKey(), row);
    }
    o.put("matrix", matrix);
    int[] msg = card.messageAgreement();
    int[] pre = card.prefixAgreement();
    o.put("message_agreement", List.of(msg[0], msg[1]));
    o.put("prefix_agreement", List.of(pre[0], pre[1]));
    List<Object> results = new ArrayList<>();
    for (CaseResult r : card.results()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("id", r.testCase().id());
      c.put("go_version", r.testCase().goVersion());
      c.put("category", r.category().name());
      c.put("failed", r.failed());
      c.put("detail", r.detail());
      c.put("outcome", r.response().outcome().name());
      c.put("exit", r.response().exitCode());
      if (r.response().crashSite() != null) {
        c.put("crash_site", r.response().crashSite());
      }
      if (r.diff() != null) {
        c.put("diff", Map.of("index", r.diff().index(), "expected", r.diff().expected(),
            "actual", r.diff().actual()));
      }
      if (r.messageAgrees() != null) {
        c.put("message_agrees", r.messageAgrees());
      }
      if (r.prefixAgrees() != null) {
        c.put("prefix_agrees", r.prefixAgrees());
      }
      c.put("millis", r.response().elapsed().toMillis());
      results.add(c);
    }
    o.put("results", results);
    return Json.write(o) + "\n";
  }
}
