package dev.gotrace.kit.harness;

import dev.gotrace.kit.events.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gotrace expect}: checks the events of a trace against patterns, for writers that emit
 * traces from their own programs. Each pattern is a canonical event with only the members that
 * matter; the patterns must match events of the trace in order (other events may come between).
 * In a pattern, the string {@code "*"} matches any value, and a string starting with {@code $}
 * is a variable: its first match binds it and every later use must be equal, so ids a writer
 * picks freely can still be tied together ({@code {"kind":"TaskBegin","id":"$t"}} then {@code
 * {"kind":"Log","task":"$t"}}). Objects match as subsets, arrays element by element.
 */
public final class ExpectMatcher {
  private ExpectMatcher() {}

  /** The outcome: how many patterns matched and, on failure, which did not and where. */
  public record Result(int matched, int patterns, String failure) {
    public boolean ok() {
      return failure == null;
    }
  }

  /** Matches {@code patterns} (JSON lines) against {@code events} (canonical JSON lines). */
  public static Result match(List<String> events, List<String> patterns) throws Json.JsonException {
    List<Object> actual = new ArrayList<>();
    for (String e : events) {
      actual.add(Json.parse(e));
    }
    Map<String, Object> vars = new HashMap<>();
    int at = 0;
    int n = 0;
    for (int p = 0; p < patterns.size(); p++) {
      String line = patterns.get(p).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      n++;
      Object pattern;
      try {
        pattern = Json.parse(line);
      } catch (Json.JsonException e) {
        throw new Json.JsonException("pattern line " + (p + 1) + ": " + e.getMessage());
      }
      int found = -1;
      for (int i = at; i < actual.size(); i++) {
        Map<String, Object> trial = new HashMap<>(vars);
        if (matches(pattern, actual.get(i), trial)) {
          vars = trial;
          found = i;
          break;
        }
      }
      if (found < 0) {
        return new Result(n - 1, count(patterns), "pattern line " + (p + 1) + " " + line
            + " matches no event after event " + (at - 1) + (vars.isEmpty() ? ""
                : " (bound: " + Json.writeSorted(new java.util.TreeMap<>(vars)) + ")"));
      }
      at = found + 1;
    }
    return new Result(n, n, null);
  }

  private static int count(List<String> patterns) {
    return (int) patterns.stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
  }

  private static boolean matches(Object pattern, Object value, Map<String, Object> vars) {
    if (pattern instanceof String s) {
      if (s.equals("*")) {
        return value != null;
      }
      if (s.startsWith("$") && s.length() > 1) {
        Object bound = vars.get(s);
        if (bound == null) {
          vars.put(s, value);
          return value != null;
        }
        return Json.writeSorted(bound).equals(Json.writeSorted(value));
      }
    }
    if (pattern instanceof Map<?, ?> pm) {
      if (!(value instanceof Map<?, ?> vm)) {
        return false;
      }
      for (Map.Entry<?, ?> e : pm.entrySet()) {
        if (!vm.containsKey(e.getKey()) || !matches(e.getValue(), vm.get(e.getKey()), vars)) {
          return false;
        }
      }
      return true;
    }
    if (pattern instanceof List<?> pl) {
      if (!(value instanceof List<?> vl) || vl.size() != pl.size()) {
        return false;
      }
      for (int i = 0; i < pl.size(); i++) {
        if (!matches(pl.get(i), vl.get(i), vars)) {
          return false;
        }
      }
      return true;
    }
    return Json.writeSorted(pattern).equals(Json.writeSorted(value));
  }
}
