package dev.gotrace.semantic;

/**
 * The integer and floating-point conversions Go's parser performs, with Go's results rather than
 * Java's: trace values are unsigned 64-bit, and Go converts between uint64, float64 and int64 with
 * the semantics of its amd64 code generator, which differ from Java's casts at the edges.
 */
final class GoNumbers {
  private GoNumbers() {}

  /** {@code float64(x)} for a uint64 {@code x}: correctly rounded, also above 2^63. */
  static double unsignedToDouble(long x) {
    if (x >= 0) {
      return x;
    }
    // Halve with a sticky low bit so that rounding the halved value and doubling it rounds the
    // original value correctly.
    double half = (x >>> 1) | (x & 1);
    return half + half;
  }

  /**
   * {@code int64(f)}: truncation toward zero, and for NaN or a value outside the int64 range the
   * "integer indefinite" value 2^63 (Long.MIN_VALUE), which is what amd64 produces. Java's cast
   * would saturate instead.
   */
  static long doubleToInt64(double f) {
    if (Double.isNaN(f) || f >= 0x1p63 || f < -0x1p63) {
      return Long.MIN_VALUE;
    }
    return (long) f;
  }
}
