package dev.gotrace.conformance.oracle;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code gotrace stats} counts what {@code go tool trace -d=footprint} counts. Go prints a row for
 * every one of the 256 type bytes; the rows that count something must be exactly gotrace's rows.
 */
class FootprintAgainstGoTest {
  /** One table row: name, bytes, percent of bytes, count, percent of count. */
  private static final Pattern ROW =
      Pattern.compile("^(.*?)\\s+(\\d+)\\s+(\\d+\\.\\d\\d%)\\s+(\\d+)\\s+(\\d+\\.\\d\\d%)$");

  @ParameterizedTest
  @EnumSource(TraceProgram.class)
  void statsRows_equalTheNonZeroRowsOfGoFootprint(TraceProgram program) {
    RealTrace trace = RealTraces.of(program);
    List<String> go = rows(trace.goFootprint().requireSuccess().stdoutText(), "go");
    List<String> ours = rows(GotraceCli.run("stats", trace.file().toString()).requireSuccess()
        .out(), "gotrace");
    // Go sorts by bytes with an unstable sort, so rows with equal bytes may come in any order.
    assertWithMessage("%s: gotrace stats rows vs go tool trace -d=footprint", program)
        .that(ours).containsExactlyElementsIn(go);
    assertWithMessage("%s: rows sorted by bytes, largest first", program)
        .that(bytesColumn(ours)).isInOrder(Comparator.reverseOrder());
  }

  /**
   * The table's rows with a non-zero count, as "name bytes bytes% count count%". The table ends at
   * the first line that is not a row (gotrace's summary follows a blank line).
   */
  private static List<String> rows(String table, String who) {
    String[] lines = table.split("\n");
    assertWithMessage("%s footprint header", who).that(lines[0])
        .matches("Event\\s+Bytes\\s+%\\s+Count\\s+%");
    assertWithMessage("%s footprint rule", who).that(lines[1]).matches("-\\s+-\\s+-\\s+-\\s+-");
    List<String> rows = new ArrayList<>();
    for (int i = 2; i < lines.length; i++) {
      Matcher m = ROW.matcher(lines[i]);
      if (!m.matches()) {
        break;
      }
      if (!m.group(4).equals("0")) {
        rows.add(m.group(1).trim() + " " + m.group(2) + " " + m.group(3) + " " + m.group(4) + " "
            + m.group(5));
      }
    }
    assertWithMessage("%s footprint rows", who).that(rows).isNotEmpty();
    return rows;
  }

  private static List<Long> bytesColumn(List<String> rows) {
    List<Long> out = new ArrayList<>();
    for (String r : rows) {
      out.add(Long.parseLong(r.split(" ")[1]));
    }
    return out;
  }
}
