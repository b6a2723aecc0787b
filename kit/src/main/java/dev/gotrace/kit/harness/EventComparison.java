package dev.gotrace.kit.harness;

import dev.gotrace.kit.events.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares the events a decoder printed with the expected ones, in whichever of the two forms it
 * printed: canonical JSON lines (compared as JSON values, member order ignored) or Go's {@code
 * Event.String()} (compared as text, event by event). Strings given as {@code {"hex":"..."}}
 * compare equal to their UTF-8 decoding, so an adapter may write raw bytes where they are not
 * valid UTF-8.
 */
public final class EventComparison {
  /** The form of a decoder's output. */
  public enum Form {
    CANONICAL,
    GO_STRING,
    /** Nothing printed. */
    NONE
  }

  /** The first event that differs: its index, and each side ("(none)" past an end). */
  public record Diff(int index, String expected, String actual) {
    @Override
    public String toString() {
      return "event " + index + ":\n  expected: " + expected + "\n  actual:   " + actual;
    }
  }

  static final String NONE = "(none)";

  private EventComparison() {}

  public static Form formOf(String output) {
    String t = output.stripLeading();
    if (t.isEmpty()) {
      return Form.NONE;
    }
    return t.charAt(0) == '{' ? Form.CANONICAL : Form.GO_STRING;
  }

  /**
   * The first difference between {@code output} and the expected events, or {@code null} when
   * they agree. {@code expectedCanonical} has one JSON object a line; {@code expectedParsed} is
   * Go's {@code Event.String()} output for the same events.
   */
  public static Diff compare(String output, List<String> expectedCanonical,
      String expectedParsed) {
    return compare(output, expectedCanonical, expectedParsed, Set.of());
  }

  /** As {@link #compare(String, List, String)}, leaving out events of the kinds {@code ignore}. */
  public static Diff compare(String output, List<String> expectedCanonical,
      String expectedParsed, Set<String> ignore) {
    Form form = formOf(output);
    List<String> actual;
    List<String> expected;
    if (form == Form.GO_STRING) {
      actual = new ArrayList<>(goEvents(output));
      expected = new ArrayList<>(goEvents(expectedParsed));
    } else {
      actual = new ArrayList<>();
      for (String line : output.split("\n")) {
        if (!line.isBlank()) {
          actual.add(line);
        }
      }
      expected = new ArrayList<>();
      for (String line : expectedCanonical) {
        if (!line.isBlank()) {
          expected.add(line);
        }
      }
    }
    if (!ignore.isEmpty()) {
      actual.removeIf(e -> ignore.contains(kindOf(e, form)));
      expected.removeIf(e -> ignore.contains(kindOf(e, form)));
    }
    int n = Math.max(actual.size(), expected.size());
    for (int i = 0; i < n; i++) {
      String a = i < actual.size() ? actual.get(i) : NONE;
      String e = i < expected.size() ? expected.get(i) : NONE;
      if (a.equals(e)) {
        continue;
      }
      // Same text is the same event; otherwise JSON lines are compared as values.
      if (form != Form.GO_STRING && a != NONE && e != NONE) {
        a = normal(a);
        e = normal(e);
        if (a.equals(e)) {
          continue;
        }
      }
      return new Diff(i, e, a);
    }
    return null;
  }

  /** The kind of one event: the fourth word of an Event.String(), or the JSON "kind". */
  static String kindOf(String event, Form form) {
    if (form == Form.GO_STRING) {
      String[] words = event.split(" ", 5);
      return words.length > 3 ? words[3] : "";
    }
    try {
      Object k = Json.parseObject(event).get("kind");
      return k instanceof String ? (String) k : "";
    } catch (Json.JsonException e) {
      return "";
    }
  }

  /** Splits {@code Event.String()} output into events: each starts with a line "M=". */
  static List<String> goEvents(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = null;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("M=")) {
        if (cur != null) {
          out.add(cur.toString());
        }
        cur = new StringBuilder(line);
      } else if (cur != null) {
        cur.append('\n').append(line);
      } else if (!line.isBlank()) {
        cur = new StringBuilder(line);
      }
    }
    if (cur != null) {
      out.add(cur.toString());
    }
    // Trailing new lines after the last event carry nothing.
    out.replaceAll(s -> s.replaceAll("\n+$", ""));
    return out;
  }

  /** A JSON line in a canonical spelling; a malformed one is shown with the reason. */
  static String normal(String line) {
    try {
      return Json.writeSorted(normalValue(Json.parse(line)));
    } catch (Json.JsonException e) {
      return "not JSON (" + e.getMessage() + "): " + line;
    }
  }

  private static Object normalValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      if (m.size() == 1 && m.get("hex") instanceof String hex) {
        try {
          return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return m;
        }
      }
      Map<String, Object> out = new TreeMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put((String) e.getKey(), normalValue(e.getValue()));
      }
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(normalValue(o));
      }
      return out;
    }
    return v;
  }
}
