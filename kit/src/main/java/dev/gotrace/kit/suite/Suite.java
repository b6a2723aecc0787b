package dev.gotrace.kit.suite;

import dev.gotrace.kit.events.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** An exported suite read back from its directory ({@code manifest.json}). */
public final class Suite {
  private final Path dir;
  private final List<Case> cases;

  private Suite(Path dir, List<Case> cases) {
    this.dir = dir;
    this.cases = List.copyOf(cases);
  }

  /** One case as the manifest states it. Files are resolved against the suite directory. */
  public record Case(String id, Path trace, boolean valid, String goVersion, String topic,
      String source, String provenance, Path events, Path parsed, int eventCount,
      String verdict, String message, String stage, long offset) {
    public byte[] bytes() throws IOException {
      return Files.readAllBytes(trace);
    }

    /** The expected events, canonical form, one JSON object a line. */
    public List<String> expectedEvents() throws IOException {
      return Files.readAllLines(events, StandardCharsets.UTF_8);
    }

    /** The expected events as Go's {@code Event.String()}, as one text. */
    public String expectedParsed() throws IOException {
      return Files.readString(parsed, StandardCharsets.UTF_8);
    }

    /** Go panics on this trace (its accessors do) rather than returning an error. */
    public boolean goPanics() {
      return verdict.equals("panic");
    }
  }

  /** Reads {@code dir/manifest.json}. */
  public static Suite load(Path dir) throws IOException {
    Path manifest = dir.resolve("manifest.json");
    if (!Files.exists(manifest)) {
      throw new java.nio.file.NoSuchFileException(manifest.toString(), null,
          "not a suite directory (no manifest.json; write one with gotrace suite export)");
    }
    try {
      Map<String, Object> m = Json.parseObject(Files.readString(manifest, StandardCharsets.UTF_8));
      if (!SuiteExporter.FORMAT.equals(m.get("format"))) {
        throw new IOException(manifest + ": format " + m.get("format") + ", expected "
            + SuiteExporter.FORMAT);
      }
      List<Case> out = new ArrayList<>();
      for (Object o : list(m.get("cases"))) {
        Map<?, ?> c = (Map<?, ?>) o;
        Map<?, ?> e = (Map<?, ?>) c.get("expect");
        out.add(new Case((String) c.get("id"), dir.resolve((String) c.get("trace")),
            (Boolean) c.get("valid"), (String) c.get("go_version"), (String) c.get("topic"),
            (String) c.get("source"), (String) c.get("provenance"),
            dir.resolve((String) c.get("events")), dir.resolve((String) c.get("parsed")),
            ((Number) c.get("event_count")).intValue(), (String) e.get("verdict"),
            e.get("message") == null ? "" : (String) e.get("message"),
            e.get("stage") == null ? "" : (String) e.get("stage"),
            e.get("offset") == null ? -1 : ((Number) e.get("offset")).longValue()));
      }
      return new Suite(dir, out);
    } catch (Json.JsonException | ClassCastException | NullPointerException e) {
      throw new IOException(manifest + ": not a suite manifest: " + e.getMessage());
    }
  }

  private static List<?> list(Object o) throws Json.JsonException {
    if (!(o instanceof List)) {
      throw new Json.JsonException("\"cases\" must be an array");
    }
    return (List<?>) o;
  }

  public Path dir() {
    return dir;
  }

  public List<Case> cases() {
    return cases;
  }

  /** The cases whose id {@code idPattern} is found in (all for null). */
  public Suite filter(Pattern idPattern) {
    if (idPattern == null) {
      return this;
    }
    List<Case> kept = new ArrayList<>();
    for (Case c : cases) {
      if (idPattern.matcher(c.id()).find()) {
        kept.add(c);
      }
    }
    return new Suite(dir, kept);
  }
}
