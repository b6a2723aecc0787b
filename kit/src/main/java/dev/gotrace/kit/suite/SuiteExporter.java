package dev.gotrace.kit.suite;

import dev.gotrace.kit.events.CanonicalEvents;
import dev.gotrace.kit.events.GoVerdict;
import dev.gotrace.kit.events.Json;
import dev.gotrace.semantic.TraceValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a suite directory: for each case {@code ID.trace}, {@code ID.events.jsonl} (the expected
 * events in the canonical form; for an invalid case those Go delivers before the error) and
 * {@code ID.parsed.txt} (the same events as Go's {@code Event.String()}), then {@code
 * manifest.json} and {@code README.md}. The bytes depend only on the cases: exporting twice
 * gives identical files.
 */
public final class SuiteExporter {
  /** The suite format's name and version, stated in the manifest. */
  public static final String FORMAT = "gotrace-suite/1";

  private SuiteExporter() {}

  /**
   * Exports into {@code dir}, which must be empty, missing, or an earlier export (whose case
   * files are removed first).
   */
  public static void export(List<SuiteCase> cases, Path dir) throws IOException {
    prepare(dir);
    List<String> entries = new ArrayList<>();
    Map<String, int[]> byVersion = new TreeMap<>();
    int valid = 0;
    for (SuiteCase c : cases) {
      Path trace = dir.resolve(c.id() + ".trace");
      Files.createDirectories(trace.getParent());
      Files.write(trace, c.bytes());
      GoVerdict v = c.verdict();
      Files.writeString(dir.resolve(c.id() + ".events.jsonl"), lines(v.canonicalEvents()),
          StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(c.id() + ".parsed.txt"), lines(v.goStrings()),
          StandardCharsets.UTF_8);
      entries.add(Json.write(entry(c)));
      byVersion.computeIfAbsent(c.goVersion(), k -> new int[2])[c.valid() ? 0 : 1]++;
      valid += c.valid() ? 1 : 0;
    }
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("cases", cases.size());
    counts.put("valid", valid);
    counts.put("invalid", cases.size() - valid);
    Map<String, Object> versions = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> e : byVersion.entrySet()) {
      versions.put(e.getKey(), Map.of("valid", e.getValue()[0], "invalid", e.getValue()[1]));
    }
    counts.put("by_go_version", versions);
    StringBuilder m = new StringBuilder("{\n");
    m.append("\"format\":\"").append(FORMAT).append("\",\n");
    m.append("\"event_form\":\"").append(CanonicalEvents.FORMAT).append("\",\n");
    m.append("\"verdicts\":\"go tool trace -d=parsed: trace.Reader plus Event.String()\",\n");
    m.append("\"counts\":").append(Json.writeSorted(counts)).append(",\n");
    m.append("\"cases\":[\n").append(String.join(",\n", entries)).append("\n]}\n");
    Files.writeString(dir.resolve("manifest.json"), m, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("README.md"), readme(cases.size(), valid, byVersion),
        StandardCharsets.UTF_8);
  }

  private static Map<String, Object> entry(SuiteCase c) {
    GoVerdict v = c.verdict();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", c.id());
    o.put("trace", c.id() + ".trace");
    o.put("sha256", SuiteBuilder.sha256(c.bytes()));
    o.put("size", c.bytes().length);
    o.put("valid", c.valid());
    o.put("go_version", c.goVersion());
    o.put("topic", c.topic());
    o.put("source", c.source().jsonName());
    o.put("provenance", c.provenance());
    o.put("events", c.id() + ".events.jsonl");
    o.put("parsed", c.id() + ".parsed.txt");
    o.put("event_count", v.canonicalEvents().size());
    Map<String, Object> expect = new LinkedHashMap<>();
    TraceValidationException e = v.error();
    if (e == null) {
      expect.put("verdict", "accept");
    } else {
      expect.put("verdict", v.panics() ? "panic" : "reject");
      expect.put("message", e.goMessage());
      expect.put("stage", e.stage().name());
      expect.put("offset", e.offset());
      if (e.position().hasGeneration()) {
        expect.put("generation", e.position().generation());
      }
      expect.put("events_before_error", v.canonicalEvents().size());
    }
    o.put("expect", expect);
    return o;
  }

  private static String lines(List<String> lines) {
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      b.append(l).append('\n');
    }
    return b.toString();
  }

  private static void prepare(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      Files.createDirectories(dir);
      return;
    }
    boolean empty;
    try (Stream<Path> s = Files.list(dir)) {
      empty = s.findAny().isEmpty();
    }
    if (empty) {
      return;
    }
    if (!Files.exists(dir.resolve("manifest.json"))) {
      throw new IOException(dir + " is neither empty nor an exported suite (no manifest.json)");
    }
    for (String sub : List.of("valid", "invalid")) {
      Path p = dir.resolve(sub);
      if (Files.exists(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
            Files.delete(q);
          }
        }
      }
    }
  }

  private static String readme(int total, int valid, Map<String, int[]> byVersion)
      throws IOException {
    String template;
    try (InputStream in = SuiteExporter.class.getResourceAsStream("suite-README.md")) {
      if (in == null) {
        throw new IOException("suite-README.md is missing from the kit's jar");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder table = new StringBuilder("| Go version | valid | invalid |\n|---|---|---|\n");
    for (Map.Entry<String, int[]> e : byVersion.entrySet()) {
      table.append("| ").append(e.getKey()).append(" | ").append(e.getValue()[0]).append(" | ")
          .append(e.getValue()[1]).append(" |\n");
    }
    return template.replace("{{TOTAL}}", Integer.toString(total))
        .replace("{{VALID}}", Integer.toString(valid))
        .replace("{{INVALID}}", Integer.toString(total - valid))
        .replace("{{TABLE}}", table.toString().strip())
        .replace("{{SUITE_FORMAT}}", FORMAT).replace("{{EVENT_FORM}}", CanonicalEvents.FORMAT);
  }
}
