package dev.gotrace.conformance.corpus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where older Go toolchains print the same bytes differently from the current one, which gotrace
 * follows. Each rewrite turns an old toolchain's {@code -d=wire} text into the current spelling;
 * values are never touched.
 */
final class KnownToolDifferences {
  /**
   * Go 1.22's event table named CPUSample's arguments {@code time p g m stack}, but its runtime
   * wrote (and its parser read) thread, P and goroutine in that order; Go 1.23 renamed them
   * {@code time m p g stack}. Only the names change.
   */
  private static final Pattern GO122_CPU_SAMPLE =
      Pattern.compile("(?m)^CPUSample time=(\\d+) p=(\\d+) g=(\\d+) m=(\\d+) stack=(\\d+)$");

  private KnownToolDifferences() {}

  static String normalize(int goMinor, String wireText) {
    if (goMinor != 22) {
      return wireText;
    }
    Matcher m = GO122_CPU_SAMPLE.matcher(wireText);
    return m.replaceAll("CPUSample time=$1 m=$2 p=$3 g=$4 stack=$5");
  }
}
