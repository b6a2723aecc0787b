package dev.gotrace.cli;

import java.util.List;

/**
 * Aligns rows of cells as Go's {@code text/tabwriter} does when every cell but the last ends in
 * a tab: each column is as wide as its widest cell plus the padding, but at least the minimum
 * width; the last cell of a row is written as is.
 */
final class TabTable {
  private TabTable() {}

  static String format(List<String[]> rows, int minWidth, int padding) {
    int columns = rows.get(0).length;
    int[] width = new int[columns - 1];
    for (String[] row : rows) {
      for (int c = 0; c < columns - 1; c++) {
        width[c] = Math.max(width[c], Math.max(minWidth, row[c].length() + padding));
      }
    }
    StringBuilder s = new StringBuilder();
    for (String[] row : rows) {
      for (int c = 0; c < columns - 1; c++) {
        s.append(row[c]);
        for (int k = row[c].length(); k < width[c]; k++) {
          s.append(' ');
        }
      }
      s.append(row[columns - 1]).append('\n');
    }
    return s.toString();
  }
}
