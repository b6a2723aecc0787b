package dev.gotrace.conformance.oracle;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Assertions that two outputs are identical, whose failure messages stay short on megabyte
 * inputs: the first difference, its position and a little context, never the whole input.
 */
final class Exactly {
  private static final int CONTEXT_BYTES = 16;
  private static final int CONTEXT_LINES = 2;

  private Exactly() {}

  static void sameBytes(String what, byte[] expected, byte[] actual) {
    int i = Arrays.mismatch(expected, actual);
    if (i < 0) {
      return;
    }
    throw new AssertionError(what + ": bytes differ at offset " + i + " (0x"
        + Integer.toHexString(i) + ")\n  expected: " + window(expected, i) + "\n  actual:   "
        + window(actual, i) + "\n  lengths (expected, actual): " + expected.length + ", "
        + actual.length);
  }

  static void sameText(String what, String expected, String actual) {
    if (expected.equals(actual)) {
      return;
    }
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    int line = 0;
    while (line < e.length && line < a.length && e[line].equals(a[line])) {
      line++;
    }
    StringBuilder s = new StringBuilder(what).append(": first difference at line ")
        .append(line + 1).append(" (of ").append(e.length).append(" expected, ")
        .append(a.length).append(" actual)");
    s.append("\n  expected:");
    lines(s, e, line);
    s.append("\n  actual:");
    lines(s, a, line);
    throw new AssertionError(s.toString());
  }

  private static void lines(StringBuilder s, String[] lines, int at) {
    for (int i = Math.max(0, at - CONTEXT_LINES); i <= at + CONTEXT_LINES && i < lines.length;
        i++) {
      String l = lines[i].length() > 300 ? lines[i].substring(0, 300) + "..." : lines[i];
      s.append("\n    ").append(i == at ? "> " : "  ").append(i + 1).append(": ").append(l);
    }
    if (at >= lines.length) {
      s.append("\n    > (end of output)");
    }
  }

  private static String window(byte[] b, int at) {
    int from = Math.max(0, at - CONTEXT_BYTES);
    int to = Math.min(b.length, at + CONTEXT_BYTES);
    HexFormat hex = HexFormat.ofDelimiter(" ");
    return (from > 0 ? "... " : "") + hex.formatHex(b, from, Math.min(at, to)) + " ["
        + (at < b.length ? hex.formatHex(b, at, at + 1) : "end") + "] "
        + (at + 1 < to ? hex.formatHex(b, at + 1, to) : "") + (to < b.length ? " ..." : "");
  }
}
