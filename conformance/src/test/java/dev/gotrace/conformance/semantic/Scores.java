package dev.gotrace.conformance.semantic;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The four scores of {@link MutationDifferentialTest}: verdict, panic and message for each mode
 * (parser only, and with the test validator), and the events printed before the parser stops.
 * Every disagreement is either explained by {@link KnownDisagreements} or listed as unexplained.
 */
final class Scores {
  /** One aspect in one mode: how many inputs were compared and how many agreed. */
  static final class Aspect {
    final String name;
    final String mode;
    int total;
    int agree;
    int explained;

    Aspect(String name, String mode) {
      this.name = name;
      this.mode = mode;
    }

    /** The share that agreed; an aspect that compared nothing is a broken test, not 100%. */
    double agreement() {
      if (total == 0) {
        throw new AssertionError("no inputs were compared for " + name + " (" + mode + ")");
      }
      return (double) agree / total;
    }

    @Override
    public String toString() {
      return String.format("%-8s %-6s %6d/%-6d = %8.4f%%, known disagreements %d", name, mode,
          agree, total, total == 0 ? 0.0 : 100.0 * agree / total, explained);
    }
  }

  private final KnownDisagreements known;
  private final Path out;
  private final Aspect[] verdict = {new Aspect("verdict", "parsed"), new Aspect("verdict", "full")};
  private final Aspect[] panic = {new Aspect("panic", "parsed"), new Aspect("panic", "full")};
  private final Aspect[] message = {new Aspect("message", "parsed"), new Aspect("message", "full")};
  private final Aspect events = new Aspect("events", "parsed");
  /** Rejected inputs (by Go's parser) where Go printed at least one event before its error. */
  int eventsBeforeError;
  /** Inputs where Go panics, per mode: the panic score means little without them. */
  final int[] goPanics = new int[2];
  /** Inputs Go accepts whose whole {@code -d=parsed} output was compared. */
  int eventsOfValid;
  private final List<String> unexplained = new ArrayList<>();
  /** Known message differences, for a look now and then. */
  final List<String> otherMessages = new ArrayList<>();

  Scores(KnownDisagreements known, Path out) {
    this.known = known;
    this.out = out;
  }

  List<Aspect> aspects() {
    return List.of(verdict[0], verdict[1], panic[0], panic[1], message[0], message[1], events);
  }

  Aspect events() {
    return events;
  }

  Aspect message(String mode) {
    return message[mode.equals("parsed") ? 0 : 1];
  }

  List<String> unexplained() {
    return unexplained;
  }

  void add(int index, String what, byte[] trace, OracleVerdicts.Pair go, JavaVerdicts ours)
      throws IOException, InterruptedException {
    Verdict[] g = {go.parsed, go.full};
    Verdict[] o = {ours.parsed, ours.full};
    for (int m = 0; m < 2; m++) {
      if (g[m].panic) {
        goPanics[m]++;
      }
      score(verdict[m], g[m].ok == o[m].ok, g[m].toString(), o[m].toString(), index, what,
          trace);
      score(panic[m], g[m].panic == o[m].panic, g[m].toString(), o[m].toString(), index, what,
          trace);
      if (!g[m].ok && !o[m].ok && g[m].panic == o[m].panic) {
        String gm = GoMessages.normalised(g[m].message);
        String om = GoMessages.normalised(o[m].message);
        String kind = g[m].panic ? "PANIC " : "FAIL ";
        if (!score(message[m], gm.equals(om), kind + gm, kind + om, index, what, trace)
            && otherMessages.size() < 5000) {
          otherMessages.add(message[m].mode + "\t" + kind + gm + "\t" + kind + om);
        }
      }
    }
    if ((go.events < 0) != (ours.events < 0)) {
      throw new IllegalStateException("input " + index + ": the oracle and gotrace disagree on"
          + " whether events are compared");
    }
    if (go.events < 0) {
      return;
    }
    if (!go.parsed.ok && go.events > 0) {
      eventsBeforeError++;
    }
    if (go.parsed.ok) {
      eventsOfValid++;
    }
    boolean same = go.events == ours.events && go.hash == ours.hash;
    if (same) {
      score(events, true, "", "", index, what, trace);
    } else {
      String[] d = diagnoseEvents(trace);
      score(events, false, d[0], d[1], index, what, trace);
    }
  }

  /** Counts one comparison; returns whether it agreed. */
  private boolean score(Aspect a, boolean same, String go, String ours, int index, String what,
      byte[] trace) throws IOException {
    a.total++;
    if (same) {
      a.agree++;
      return true;
    }
    String reason = known.explain(a.name, a.mode, go, ours);
    String report = a.name + " " + a.mode + ": " + what + "\n  go:      " + go
        + "\n  gotrace: " + ours;
    if (reason != null) {
      a.explained++;
      return false;
    }
    Path f = out.resolve(a.name + "-" + a.mode + "-" + index + ".trace");
    Files.write(f, trace);
    Files.writeString(out.resolve(f.getFileName() + ".txt"), report + "\n", UTF_8);
    unexplained.add(report + "\n  saved:   " + f);
    return false;
  }

  /**
   * Go's and gotrace's printed events where their counts or hashes differ: "invalid UTF-8 only"
   * on both sides when Go's bytes, decoded as UTF-8 with replacement characters, are gotrace's
   * text (gotrace prints U+FFFD where Go prints the raw bytes); else the first differing line.
   */
  private static String[] diagnoseEvents(byte[] trace) throws IOException, InterruptedException {
    GoTools.Result r = GoTools.run(GoTools.repoRoot(),
        List.of(GoTools.oracle().toString(), "parsed"), trace, 60);
    String ours = JavaVerdicts.text(trace);
    byte[] go = r.stdout;
    if (!Arrays.equals(go, ours.getBytes(UTF_8)) && new String(go, UTF_8).equals(ours)) {
      return new String[] {"invalid UTF-8 only", "invalid UTF-8 only"};
    }
    String[] e = new String(go, UTF_8).split("\n", -1);
    String[] a = ours.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String x = i < e.length ? e[i] : "<end>";
      String y = i < a.length ? a[i] : "<end>";
      if (!x.equals(y)) {
        return new String[] {"line " + (i + 1) + ": " + x, "line " + (i + 1) + ": " + y};
      }
    }
    return new String[] {"same text, but the oracle's judge-stream counted differently",
        "same text"};
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Aspect a : aspects()) {
      b.append(a).append('\n');
    }
    return b.append("Go panics: ").append(goPanics[0]).append(" parsed, ").append(goPanics[1])
        .append(" full; events compared: the whole output of ").append(eventsOfValid)
        .append(" valid inputs, the events before the error of ").append(eventsBeforeError)
        .append(" rejected ones").toString();
  }
}
