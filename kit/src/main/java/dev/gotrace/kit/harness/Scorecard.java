package dev.gotrace.kit.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The results of one run: per case, and counted by category and Go version. */
public final class Scorecard {
  private final String decoder;
  private final Path suiteDir;
  private final List<CaseResult> results;

  Scorecard(String decoder, Path suiteDir, List<CaseResult> results) {
    this.decoder = decoder;
    this.suiteDir = suiteDir;
    this.results = List.copyOf(results);
  }

  /** The decoder under test, as its runner describes it. */
  public String decoder() {
    return decoder;
  }

  public Path suiteDir() {
    return suiteDir;
  }

  public List<CaseResult> results() {
    return results;
  }

  public List<String> versions() {
    return new ArrayList<>(new TreeSet<>(results.stream().map(r -> r.testCase().goVersion())
        .toList()));
  }

  /** Counts by Go version then category (every category present, zeros included). */
  public Map<String, Map<Category, Integer>> matrix() {
    Map<String, Map<Category, Integer>> m = new TreeMap<>();
    for (String v : versions()) {
      Map<Category, Integer> row = new EnumMap<>(Category.class);
      for (Category c : Category.values()) {
        row.put(c, 0);
      }
      m.put(v, row);
    }
    for (CaseResult r : results) {
      m.get(r.testCase().goVersion()).merge(r.category(), 1, Integer::sum);
    }
    return m;
  }

  public int count(Category c) {
    return (int) results.stream().filter(r -> r.category() == c).count();
  }

  public List<CaseResult> failures() {
    return results.stream().filter(CaseResult::failed).toList();
  }

  /** No failure that is not excused. */
  public boolean passed() {
    return failures().isEmpty();
  }

  /** The share of cases in {@link Category#PASS}, in percent. */
  public double score() {
    return results.isEmpty() ? 0 : 100.0 * count(Category.PASS) / results.size();
  }

  /** Rejections with a message: how many contain Go's message. */
  public int[] messageAgreement() {
    int yes = 0;
    int all = 0;
    for (CaseResult r : results) {
      if (r.messageAgrees() != null) {
        all++;
        yes += r.messageAgrees() ? 1 : 0;
      }
    }
    return new int[] {yes, all};
  }

  /** Rejections that printed events: how many printed exactly Go's events before the error. */
  public int[] prefixAgreement() {
    int yes = 0;
    int all = 0;
    for (CaseResult r : results) {
      if (r.prefixAgrees() != null) {
        all++;
        yes += r.prefixAgrees() ? 1 : 0;
      }
    }
    return new int[] {yes, all};
  }

  /** The terminal summary. */
  public String summary(int maxFailuresShown) {
    StringBuilder b = new StringBuilder();
    b.append("decoder: ").append(decoder).append('\n');
    b.append("suite:   ").append(suiteDir).append(" (").append(results.size())
        .append(" cases)\n\n");
    List<String> vs = versions();
    Map<String, Map<Category, Integer>> m = matrix();
    b.append(String.format("%-20s", "category"));
    for (String v : vs) {
      b.append(String.format("%8s", "go" + v));
    }
    b.append(String.format("%8s%n", "total"));
    for (Category c : Category.values()) {
      b.append(String.format("%-20s", c.label()));
      for (String v : vs) {
        b.append(String.format("%8d", m.get(v).get(c)));
      }
      b.append(String.format("%8d%n", count(c)));
    }
    int[] msg = messageAgreement();
    int[] pre = prefixAgreement();
    b.append(String.format("%nscore: %.1f%% pass (%d of %d)%n", score(), count(Category.PASS),
        results.size()));
    b.append("message agreement: ").append(msg[0]).append(" of ").append(msg[1])
        .append(" rejections contain Go's message\n");
    b.append("prefix agreement:  ").append(pre[0]).append(" of ").append(pre[1])
        .append(" rejections that printed events printed Go's events before the error\n");
    List<CaseResult> f = failures();
    long excused = results.stream().filter(r -> r.category().isFailure() && r.excused()).count();
    b.append("failures: ").append(f.size());
    if (excused > 0) {
      b.append(" (").append(excused).append(" more excused by the baseline or --versions)");
    }
    b.append('\n');
    for (int i = 0; i < Math.min(maxFailuresShown, f.size()); i++) {
      CaseResult r = f.get(i);
      b.append("  ").append(r.category().name()).append(' ').append(r.testCase().id())
          .append(": ").append(r.detail()).append('\n');
      if (r.diff() != null) {
        b.append("    ").append(r.diff().toString().replace("\n", "\n    ")).append('\n');
      }
    }
    if (f.size() > maxFailuresShown) {
      b.append("  ... and ").append(f.size() - maxFailuresShown).append(" more\n");
    }
    return b.toString();
  }
}
