package dev.gotrace.conformance.semantic;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The committed list of cases where gotrace's verdict may differ from Go's, each with its reason
 * ({@code known-disagreements.tsv} next to these tests). A line is {@code mode TAB go-verdict-regex
 * TAB gotrace-verdict-regex TAB reason}, where mode is {@code parsed}, {@code full} or {@code
 * both}; blank lines and lines starting with # are ignored.
 */
final class KnownDisagreements {
  private static final class Entry {
    final String mode;
    final Pattern go;
    final Pattern ours;
    final String reason;

    Entry(String mode, Pattern go, Pattern ours, String reason) {
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
      if (f.length != 4) {
        throw new IllegalArgumentException("known-disagreements.tsv: 4 tab-separated fields"
            + " expected: " + line);
      }
      k.entries.add(new Entry(f[0], Pattern.compile(f[1]), Pattern.compile(f[2]), f[3]));
    }
    return k;
  }

  /** The reason this disagreement is expected, or {@code null}. */
  String explain(String mode, Verdict go, Verdict ours) {
    for (Entry e : entries) {
      if ((e.mode.equals("both") || e.mode.equals(mode))
          && e.go.matcher(go.toString()).matches() && e.ours.matcher(ours.toString()).matches()) {
        return e.reason;
      }
    }
    return null;
  }
}
