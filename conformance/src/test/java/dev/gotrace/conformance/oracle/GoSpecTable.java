package dev.gotrace.conformance.oracle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's event table as the installed toolchain has it, read from the oracle's {@code specs}
 * output (see {@code printSpecs} in {@code conformance/oracle/main.go} for the line format).
 */
final class GoSpecTable {
  /** One row of Go's {@code tracev2.Specs()}. */
  record Row(int index, String name, List<String> args, List<Integer> stringIds,
      List<Integer> stackIds, boolean timed, boolean hasData, boolean isStack, int experiment,
      int startEv) {}

  private final Map<Integer, Row> rows = new TreeMap<>();
  private final Map<Integer, String> experiments = new TreeMap<>();
  private final Map<Integer, Integer> versionPrefixLengths = new TreeMap<>();
  private int tableLength = -1;

  private GoSpecTable() {}

  static GoSpecTable fromOracle() {
    return parse(GoToolchain.get().oracle(null, "specs").requireSuccess().stdoutText());
  }

  static GoSpecTable parse(String text) {
    GoSpecTable t = new GoSpecTable();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      switch (f[0]) {
        case "event": {
          Map<String, String> kv = keyValues(f, 3);
          Row row = new Row(Integer.parseInt(f[1]), f[2], strings(kv.get("args")),
              ints(kv.get("strings")), ints(kv.get("stacks")),
              Boolean.parseBoolean(kv.get("timed")), Boolean.parseBoolean(kv.get("data")),
              Boolean.parseBoolean(kv.get("stack")), Integer.parseInt(kv.get("experiment")),
              Integer.parseInt(kv.get("start")));
          t.rows.put(row.index(), row);
          break;
        }
        case "experiment":
          t.experiments.put(Integer.parseInt(f[1]), f[2]);
          break;
        case "version":
          t.versionPrefixLengths.put(Integer.parseInt(f[1]), Integer.parseInt(f[2]));
          break;
        case "table":
          t.tableLength = Integer.parseInt(f[1]);
          break;
        default:
          throw new AssertionError("unexpected line from the oracle's specs: " + line);
      }
    }
    if (t.rows.isEmpty() || t.versionPrefixLengths.isEmpty() || t.tableLength < 0) {
      throw new AssertionError("incomplete specs output from the oracle:\n" + text);
    }
    return t;
  }

  /** The named rows by wire number (rows with an empty name are unused numbers). */
  Map<Integer, Row> rows() {
    return rows;
  }

  /** Experiment names by id, {@code 0} being "None". */
  Map<Integer, String> experiments() {
    return experiments;
  }

  /** For each v2 version (its minor number), how long a prefix of the table it takes. */
  Map<Integer, Integer> versionPrefixLengths() {
    return versionPrefixLengths;
  }

  int tableLength() {
    return tableLength;
  }

  private static Map<String, String> keyValues(String[] fields, int from) {
    Map<String, String> kv = new LinkedHashMap<>();
    for (int i = from; i < fields.length; i++) {
      int eq = fields[i].indexOf('=');
      kv.put(fields[i].substring(0, eq), fields[i].substring(eq + 1));
    }
    return kv;
  }

  private static List<String> strings(String csv) {
    return csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
  }

  private static List<Integer> ints(String csv) {
    List<Integer> out = new ArrayList<>();
    for (String s : strings(csv)) {
      out.add(Integer.parseInt(s));
    }
    return out;
  }
}
