package dev.gotrace.wire;

import java.util.Arrays;

/**
 * The widths of a batch header's varints ({@code gen}, {@code m}, {@code time}, {@code size}), so
 * that a decoded batch is written back byte for byte. The runtime pads {@code size} to ten bytes
 * and writes the others minimally; Go's raw writer writes all four minimally.
 */
public final class HeaderWidths {
  /** Every field minimal, as Go's raw writer and test generator write headers. */
  public static final HeaderWidths MINIMAL = new HeaderWidths(0, 0, 0, 0);

  /** The runtime's layout: {@code size} padded to ten bytes, the rest minimal. */
  public static final HeaderWidths RUNTIME = new HeaderWidths(0, 0, 0, Varints.PADDED_SIZE_WIDTH);

  private final byte[] widths; // 0 = minimal

  private HeaderWidths(int gen, int thread, int time, int size) {
    this.widths = new byte[] {(byte) gen, (byte) thread, (byte) time, (byte) size};
  }

  /**
   * Widths for gen, m, time and size; 0 means minimal. Whether a width fits its value is checked
   * when the batch is built.
   */
  public static HeaderWidths of(int gen, int thread, int time, int size) {
    HeaderWidths w = new HeaderWidths(gen, thread, time, size);
    for (byte b : w.widths) {
      if (b < 0 || b > Varints.PADDED_SIZE_WIDTH) {
        throw new IllegalArgumentException("varint width must be 0 (minimal) to 10, got " + b);
      }
    }
    return w.equals(MINIMAL) ? MINIMAL : w;
  }

  /** The stated width of field {@code i} (0 gen, 1 m, 2 time, 3 size), or 0 for minimal. */
  public int stated(int i) {
    return widths[i];
  }

  /** The width field {@code i} takes for {@code value}. */
  public int widthFor(int i, long value) {
    return widths[i] == 0 ? Varints.minimalWidth(value) : widths[i];
  }

  /** These widths with every field that equals the minimal width for its value set to 0. */
  HeaderWidths normalize(long gen, long thread, long time, long size) {
    long[] v = {gen, thread, time, size};
    int[] n = new int[4];
    for (int i = 0; i < 4; i++) {
      n[i] = widths[i] == Varints.minimalWidth(v[i]) ? 0 : widths[i];
    }
    return of(n[0], n[1], n[2], n[3]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HeaderWidths && Arrays.equals(widths, ((HeaderWidths) o).widths);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(widths);
  }

  @Override
  public String toString() {
    return "HeaderWidths" + Arrays.toString(widths);
  }
}
