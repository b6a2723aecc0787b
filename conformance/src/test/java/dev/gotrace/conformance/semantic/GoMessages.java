package dev.gotrace.conformance.semantic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's messages made comparable. Go's "failed to advance" report dumps the frontier and then its
 * goroutine, proc and thread maps, whose order is Go's random map order; gotrace prints the maps
 * by id. {@link #normalised} puts the map entries of such a message in id order and leaves
 * everything else, the frontier's order included, as it was, so a message that differs in any
 * entry, count or value still differs.
 */
final class GoMessages {
  private static final String STUCK = "broken trace: failed to advance: frontier: ";
  private static final Pattern GEN = Pattern.compile("\\[gen=\\d+\\]");
  private static final Pattern ENTRY = Pattern.compile(
      "(M -?\\d+ \\[\\w+ time=-?\\d+[^\\]]*\\])"   // a frontier cursor
      + "|([GP] (-?\\d+) \\[status=\\w+ seq=\\d+ \\(gen=\\d+\\)\\])" // a goroutine or proc
      + "|(M (-?\\d+) \\[g=-?\\d+ p=-?\\d+\\])"    // a thread
      + "|(GC \\d+ \\w+)");

  private GoMessages() {}

  /**
   * The message with its newlines and tabs as spaces (the oracle prints one line per verdict)
   * and, in a "failed to advance" report, the map entries sorted by id.
   */
  static String normalised(String message) {
    String flat = message.replace('\n', ' ').replace('\t', ' ');
    if (!flat.startsWith(STUCK)) {
      return flat;
    }
    Matcher gen = GEN.matcher(flat);
    if (!gen.find(STUCK.length()) || gen.start() != STUCK.length()) {
      return flat;
    }
    List<String> frontier = new ArrayList<>();
    List<String[]> gs = new ArrayList<>();
    List<String[]> ps = new ArrayList<>();
    List<String[]> ms = new ArrayList<>();
    String gc = null;
    Matcher m = ENTRY.matcher(flat);
    int at = gen.end();
    while (m.find(at)) {
      if (!flat.substring(at, m.start()).isBlank()) {
        return flat; // not the layout this parser knows: compare as it is
      }
      if (m.group(1) != null && gs.isEmpty() && ps.isEmpty() && ms.isEmpty()) {
        frontier.add(m.group(1));
      } else if (m.group(2) != null) {
        (m.group(2).startsWith("G") ? gs : ps).add(new String[] {m.group(3), m.group(2)});
      } else if (m.group(4) != null) {
        ms.add(new String[] {m.group(5), m.group(4)});
      } else if (m.group(6) != null) {
        gc = m.group(6);
      } else {
        return flat;
      }
      at = m.end();
    }
    if (gc == null || !flat.substring(at).isBlank()) {
      return flat;
    }
    StringBuilder b = new StringBuilder(flat.substring(0, gen.end())).append("\n\n");
    frontier.forEach(f -> b.append(f).append('\n'));
    b.append('\n');
    for (List<String[]> section : List.of(gs, ps, ms)) {
      section.sort(Comparator.comparingLong(e -> Long.parseLong(e[0])));
      section.forEach(e -> b.append(e[1]).append('\n'));
      b.append('\n');
    }
    b.append(gc).append("\n\n");
    return b.toString().replace('\n', ' ');
  }
}
