package dev.gotrace.kit.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepted differences: one {@code CASE-ID CATEGORY} a line ({@code #} comments), such as
 * {@code valid/go1.26/gc/random-s26000004-e168 WRONG_EVENTS}. A case that fails with exactly its
 * baselined category does not fail the run. {@code --report} writes {@code baseline.txt} of the
 * current failures in this form.
 */
public final class Baseline {
  private final Map<String, Category> accepted;

  private Baseline(Map<String, Category> accepted) {
    this.accepted = Map.copyOf(accepted);
  }

  public static Baseline none() {
    return new Baseline(Map.of());
  }

  public static Baseline read(Path file) throws IOException {
    Map<String, Category> m = new HashMap<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] f = t.split("\\s+");
      try {
        if (f.length != 2) {
          throw new IllegalArgumentException("want CASE-ID CATEGORY");
        }
        m.put(f[0], Category.valueOf(f[1]));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ":" + n + ": not a baseline line (CASE-ID CATEGORY, category"
            + " one of " + List.of(Category.values()) + "): " + t);
      }
    }
    return new Baseline(m);
  }

  public boolean accepts(String caseId, Category category) {
    return accepted.get(caseId) == category;
  }

  /** The baseline text for these results' failures. */
  public static String of(List<CaseResult> results) {
    StringBuilder b = new StringBuilder("# gotrace conform baseline: accepted differences\n");
    for (CaseResult r : results) {
      if (r.category().isFailure()) {
        b.append(r.testCase().id()).append(' ').append(r.category().name()).append('\n');
      }
    }
    return b.toString();
  }
}
