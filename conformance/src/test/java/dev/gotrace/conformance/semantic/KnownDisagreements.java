package dev.gotrace.conformance.semantic;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The committed list of cases where gotrace's answer may differ from Go's, each with its reason
 * ({@code known-disagreements.tsv} next to these tests). A line is {@code aspect TAB mode TAB
 * go-regex TAB gotrace-regex TAB reason}: the aspect is {@code verdict}, {@code panic}, {@code
 * message} or {@code events} (see {@link MutationDifferentialTest}), the mode {@code parsed},
 * {@code full} or {@code both}, and the two regexes must match the whole of Go's and gotrace's
 * answer as the test renders them. Blank lines and lines starting with # are ignored.
 */
final class KnownDisagreements {
  static final Set<String> ASPECTS = Set.of("verdict", "panic", "message", "events");

  private static final class Entry {
    final String aspect;
    final String mode;
    final Pattern go;
    final Pattern ours;
    final String reason;
    int uses;

    Entry(String aspect, String mode, Pattern go, Pattern ours, String reason) {
      this.aspect = aspect;
      this.mode = mode;
      this.go = go;
      this.ours = ours;
      this.reason = reason;
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  static Path file() {
    return GoTools.repoRoot().resolve(
        "conformance/src/test/resources/dev/gotrace/conformance/semantic/known-disagreements.tsv");
  }

  static KnownDisagreements load() throws IOException {
    KnownDisagreements k = new KnownDisagreements();
    for (String line : Files.readAllLines(file(), UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 5 || !ASPECTS.contains(f[0])
          || !Set.of("parsed", "full", "both").contains(f[1]) || f[4].isBlank()) {
        throw new IllegalArgumentException("known-disagreements.tsv: expected aspect, mode, two"
            + " regexes and a reason, tab-separated: " + line);
      }
      k.entries.add(new Entry(f[0], f[1], Pattern.compile(f[2]), Pattern.compile(f[3]), f[4]));
    }
    return k;
  }

  /** The reason this disagreement is expected, or {@code null}. */
  String explain(String aspect, String mode, String go, String ours) {
    for (Entry e : entries) {
      if (e.aspect.equals(aspect) && (e.mode.equals("both") || e.mode.equals(mode))
          && e.go.matcher(go).matches() && e.ours.matcher(ours).matches()) {
        e.uses++;
        return e.reason;
      }
    }
    return null;
  }

  /** Entries that explained nothing in this run (stale, or for cases this run did not make). */
  List<String> unused() {
    List<String> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.uses == 0) {
        out.add(e.aspect + " " + e.mode + " " + e.go + " / " + e.ours + ": " + e.reason);
      }
    }
    return out;
  }
}
