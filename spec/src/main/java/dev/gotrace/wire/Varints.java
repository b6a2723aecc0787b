package dev.gotrace.wire;

import dev.gotrace.spec.FormatLimits;

/**
 * Unsigned LEB128 varints as the trace format uses them: 7 bits a byte, least significant group
 * first, at most ten bytes. Go reads padded (non-minimal) encodings such as {@code 80 00} for 0,
 * and the runtime writes every batch size padded to ten bytes, so a width is part of a value's
 * exact encoding: for a given value and width there is exactly one byte sequence.
 */
public final class Varints {
  /** The width the runtime reserves for a batch's size field. */
  public static final int PADDED_SIZE_WIDTH = FormatLimits.MAX_VARINT_LENGTH;

  private Varints() {}

  /** The fewest bytes that encode {@code value} (read as unsigned). */
  public static int minimalWidth(long value) {
    // 64 significant bits need ceil(bits / 7) groups; zero still needs one byte.
    int bits = 64 - Long.numberOfLeadingZeros(value);
    return bits == 0 ? 1 : (bits + 6) / 7;
  }

  /** Whether {@code value} can be written in exactly {@code width} bytes. */
  public static boolean fits(long value, int width) {
    return width >= minimalWidth(value) && width <= FormatLimits.MAX_VARINT_LENGTH;
  }

  /**
   * Writes {@code value} in exactly {@code width} bytes at {@code pos} and returns the position
   * after it. The caller guarantees {@link #fits}.
   */
  public static int write(byte[] buf, int pos, long value, int width) {
    long v = value;
    for (int i = 1; i < width; i++) {
      buf[pos++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    buf[pos++] = (byte) v;
    return pos;
  }

  /** Writes {@code value} minimally at {@code pos} and returns the position after it. */
  public static int writeMinimal(byte[] buf, int pos, long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      buf[pos++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    buf[pos++] = (byte) v;
    return pos;
  }
}
