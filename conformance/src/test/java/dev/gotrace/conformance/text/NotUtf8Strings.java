package dev.gotrace.conformance.text;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/**
 * Seeded byte strings that mix ASCII, valid UTF-8 and the kinds of bytes that are not UTF-8: stray
 * continuation bytes, cut sequences, overlong forms, encoded surrogates, lead bytes past U+10FFFF,
 * and the characters that quoting treats specially.
 */
final class NotUtf8Strings {
  /** Characters that quoting, the text format's tokenizer or its comments treat specially. */
  private static final String SPECIAL = "\"\\'` \t\r\n#=";

  private NotUtf8Strings() {}

  /** A string of at most {@code maxPieces} pieces that holds at least one byte that is not UTF-8. */
  static byte[] next(Random random, int maxPieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pieces = 1 + random.nextInt(maxPieces);
    int invalidAt = random.nextInt(pieces);
    for (int p = 0; p < pieces; p++) {
      if (p == invalidAt) {
        invalid(random, out);
        continue;
      }
      switch (random.nextInt(6)) {
        case 0:
          invalid(random, out);
          break;
        case 1:
          writeUtf8(out, 0x80 + random.nextInt(0x800 - 0x80));
          break;
        case 2:
          writeUtf8(out, new int[] {0xE9, 0xFFFD, 0x3000, 0x2028, 0x1F600, 0x10FFFF, 0xFEFF,
              0x85, 0xA0}[random.nextInt(9)]);
          break;
        case 3:
          out.write(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
          break;
        default:
          for (int k = random.nextInt(6); k >= 0; k--) {
            out.write(0x21 + random.nextInt(0x5E));
          }
      }
    }
    return out.toByteArray();
  }

  private static void invalid(Random random, ByteArrayOutputStream out) {
    switch (random.nextInt(7)) {
      case 0:
        out.write(0x80 + random.nextInt(0x40)); // a stray continuation byte
        break;
      case 1: {
        // A valid sequence cut short.
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        writeUtf8(whole, 0x800 + random.nextInt(0x10FFFF - 0x800));
        byte[] b = whole.toByteArray();
        out.write(b, 0, 1 + random.nextInt(b.length - 1));
        break;
      }
      case 2:
        out.write(0xC0 | random.nextInt(2)); // C0/C1: overlong only
        out.write(0x80 + random.nextInt(0x40));
        break;
      case 3:
        writeUtf8(out, 0xD800 + random.nextInt(0x800)); // a surrogate, three bytes
        break;
      case 4:
        out.write(0xF5 + random.nextInt(11)); // past U+10FFFF, or never a lead byte
        break;
      case 5:
        out.write(0xE0);
        out.write(0x80 + random.nextInt(0x20)); // overlong three-byte form
        out.write(0x80 + random.nextInt(0x40));
        break;
      default:
        out.write(0xFF);
    }
  }

  /** UTF-8 of a code point, or the generalised three bytes of a surrogate. */
  private static void writeUtf8(ByteArrayOutputStream out, int c) {
    if (c < 0x80) {
      out.write(c);
    } else if (c < 0x800) {
      out.write(0xC0 | c >>> 6);
      out.write(0x80 | c & 0x3F);
    } else if (c < 0x10000) {
      out.write(0xE0 | c >>> 12);
      out.write(0x80 | (c >>> 6) & 0x3F);
      out.write(0x80 | c & 0x3F);
    } else {
      out.write(0xF0 | c >>> 18);
      out.write(0x80 | (c >>> 12) & 0x3F);
      out.write(0x80 | (c >>> 6) & 0x3F);
      out.write(0x80 | c & 0x3F);
    }
  }
}
