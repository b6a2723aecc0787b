package dev.gotrace.text;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * UTF-8 as Go's {@code unicode/utf8} reads it, for code that must see trace bytes exactly as Go
 * does.
 *
 * <p>Go's decoder is strict (no overlong forms, no surrogates, nothing above U+10FFFF) and, unlike
 * Java's charset decoders, which replace a malformed stretch as one unit, it rejects only the first
 * byte of a malformed sequence and resumes at the next byte. So {@code E2 82 41} is two invalid
 * bytes and an {@code A} to Go (Java's decoder makes one U+FFFD of {@code E2 82}), and Go code
 * that ranges over such a string sees one U+FFFD per invalid byte. {@link #decode} reproduces
 * that; {@link #sequenceLength} is the yes/no answer Go's {@code DecodeRune} gives at one byte.
 *
 * <p>Java text can hold what UTF-8 cannot: an unpaired surrogate. {@link #encode} writes one as
 * the three bytes a generalised (WTF-8) encoder would, which Go then reads as three invalid bytes.
 */
public final class GoUtf8 {
  /** U+FFFD, what Go's decoder yields for each byte that starts no well-formed sequence. */
  public static final char REPLACEMENT_CHARACTER = '\uFFFD';

  private GoUtf8() {}

  /**
   * The length (1 to 4) of the well-formed UTF-8 sequence that starts at {@code data[i]} and ends
   * before {@code end}, or 0 if the byte there starts none (Go's {@code DecodeRune} would return
   * {@code RuneError} with width 1). An ASCII byte is a sequence of length 1.
   */
  public static int sequenceLength(byte[] data, int i, int end) {
    int lead = data[i] & 0xFF;
    if (lead < 0x80) {
      return 1;
    }
    int length;
    int secondMin = 0x80;
    int secondMax = 0xBF;
    if (lead < 0xC2) {
      // A stray continuation byte, or C0/C1, which could only start an overlong form.
      return 0;
    } else if (lead < 0xE0) {
      length = 2;
    } else if (lead < 0xF0) {
      length = 3;
      // The narrowed second-byte ranges exclude overlong forms (E0), surrogates (ED), ...
      if (lead == 0xE0) {
        secondMin = 0xA0;
      } else if (lead == 0xED) {
        secondMax = 0x9F;
      }
    } else if (lead < 0xF5) {
      length = 4;
      // ... and overlong forms (F0) and code points above U+10FFFF (F4).
      if (lead == 0xF0) {
        secondMin = 0x90;
      } else if (lead == 0xF4) {
        secondMax = 0x8F;
      }
    } else {
      return 0;
    }
    if (end - i < length) {
      return 0;
    }
    int second = data[i + 1] & 0xFF;
    if (second < secondMin || second > secondMax) {
      return 0;
    }
    for (int k = 2; k < length; k++) {
      if ((data[i + k] & 0xC0) != 0x80) {
        return 0;
      }
    }
    return length;
  }

  /** Decodes a sequence of {@code length} bytes already checked by {@link #sequenceLength}. */
  public static int codePoint(byte[] data, int i, int length) {
    if (length == 1) {
      return data[i] & 0xFF;
    }
    // The lead byte keeps 7 - length payload bits: 5, 4 or 3 for lengths 2, 3 and 4.
    int codePoint = data[i] & (0x7F >> length);
    for (int k = 1; k < length; k++) {
      codePoint = (codePoint << 6) | (data[i + k] & 0x3F);
    }
    return codePoint;
  }

  /**
   * Whether {@code data[i..]} holds the three bytes a generalised encoder writes for a surrogate
   * ({@code ED A0..BF 80..BF}): not UTF-8, but worth naming as what it is in messages.
   */
  public static boolean isEncodedSurrogate(byte[] data, int i, int end) {
    return end - i >= 3 && (data[i] & 0xFF) == 0xED && (data[i + 1] & 0xE0) == 0xA0
        && (data[i + 2] & 0xC0) == 0x80;
  }

  /** The surrogate that {@link #isEncodedSurrogate} found at {@code data[i]}. */
  public static int encodedSurrogate(byte[] data, int i) {
    return 0xD000 | (data[i + 1] & 0x3F) << 6 | (data[i + 2] & 0x3F);
  }

  /**
   * The text Go sees when it ranges over {@code data[offset, offset + length)}: every well-formed
   * sequence as its character, every other byte as one U+FFFD.
   */
  public static String decode(byte[] data, int offset, int length) {
    return decode(data, offset, length, false);
  }

  /**
   * As {@link #decode(byte[], int, int)}, except that the three bytes of an {@linkplain
   * #isEncodedSurrogate encoded surrogate} become that one (unpaired) surrogate char rather than
   * three U+FFFD. Text that came from a Java {@code Reader} and went through {@link #encode} then
   * comes back char for char, so positions counted in it are positions in what the reader gave
   * (Go would see three invalid bytes; none of them, nor the surrogate, is a space or a {@code #}).
   */
  public static String decodeAsText(byte[] data, int offset, int length) {
    return decode(data, offset, length, true);
  }

  private static String decode(byte[] data, int offset, int length, boolean surrogates) {
    Objects.checkFromIndexSize(offset, length, data.length);
    int end = offset + length;
    StringBuilder out = null;
    for (int i = offset; i < end; ) {
      int b = data[i];
      if (b >= 0 && out == null) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(length);
        for (int k = offset; k < i; k++) {
          out.append((char) data[k]);
        }
      }
      int n = sequenceLength(data, i, end);
      if (n == 0 && surrogates && isEncodedSurrogate(data, i, end)) {
        out.append((char) encodedSurrogate(data, i));
        i += 3;
      } else if (n == 0) {
        out.append(REPLACEMENT_CHARACTER);
        i++;
      } else {
        out.appendCodePoint(codePoint(data, i, n));
        i += n;
      }
    }
    if (out == null) {
      // All ASCII: one byte per char.
      return new String(data, offset, length, StandardCharsets.ISO_8859_1);
    }
    return out.toString();
  }

  /** {@link #decode} of the whole array. */
  public static String decode(byte[] data) {
    return decode(data, 0, data.length);
  }

  /**
   * The UTF-8 bytes of {@code text}, an unpaired surrogate written as its three generalised
   * (WTF-8) bytes rather than replaced.
   */
  public static byte[] encode(CharSequence text) {
    int n = text.length();
    byte[] out = new byte[encodedLength(text)];
    int p = 0;
    for (int i = 0; i < n; ) {
      int c = Character.codePointAt(text, i);
      i += Character.charCount(c);
      p = put(out, p, c);
    }
    return out;
  }

  /** How many bytes {@link #encode} writes for the code point or lone surrogate {@code c}. */
  public static int encodedLength(int c) {
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }

  private static int encodedLength(CharSequence text) {
    int total = 0;
    for (int i = 0; i < text.length(); ) {
      int c = Character.codePointAt(text, i);
      i += Character.charCount(c);
      total += encodedLength(c);
    }
    return total;
  }

  /**
   * The index of the char of {@code text} whose {@link #encode encoding} holds byte {@code
   * byteIndex}; {@code text.length()} for an index at or past the end.
   */
  public static int charIndexOf(CharSequence text, int byteIndex) {
    int bytes = 0;
    for (int i = 0; i < text.length(); ) {
      int c = Character.codePointAt(text, i);
      bytes += encodedLength(c);
      if (bytes > byteIndex) {
        return i;
      }
      i += Character.charCount(c);
    }
    return text.length();
  }

  private static int put(byte[] out, int p, int c) {
    if (c < 0x80) {
      out[p++] = (byte) c;
    } else if (c < 0x800) {
      out[p++] = (byte) (0xC0 | c >>> 6);
      out[p++] = (byte) (0x80 | c & 0x3F);
    } else if (c < 0x10000) {
      out[p++] = (byte) (0xE0 | c >>> 12);
      out[p++] = (byte) (0x80 | (c >>> 6) & 0x3F);
      out[p++] = (byte) (0x80 | c & 0x3F);
    } else {
      out[p++] = (byte) (0xF0 | c >>> 18);
      out[p++] = (byte) (0x80 | (c >>> 12) & 0x3F);
      out[p++] = (byte) (0x80 | (c >>> 6) & 0x3F);
      out[p++] = (byte) (0x80 | c & 0x3F);
    }
    return p;
  }
}
