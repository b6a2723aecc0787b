package dev.gotrace.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * Go's {@code strconv.Quote} and {@code strconv.Unquote}, reproduced exactly.
 *
 * <p>Go's raw trace text format writes string data as {@code data="..."} with {@code strconv.Quote}
 * and reads it back with {@code strconv.Unquote}. gotrace must write the very text Go writes, and
 * accept and reject the very inputs Go accepts and rejects, so these methods follow Go's rules case
 * by case rather than any Java notion of escaping:
 *
 * <ul>
 *   <li>Go strings are bytes, not text. {@link #quote} therefore takes bytes and decodes them as Go
 *       does: strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF), where any
 *       byte that does not start a well-formed sequence is written alone as {@code \xHH}.
 *   <li>Which decoded characters are written as themselves is decided by Go's own Unicode tables
 *       ({@code GoPrintable}), not by {@link Character}, whose Unicode version is the JDK's.
 *   <li>{@link #unquote} returns bytes because {@code \x} and octal escapes produce raw bytes that
 *       need not be UTF-8, while <code>&#92;u</code> escapes and literal characters produce UTF-8.
 * </ul>
 *
 * <p>{@link #quote} always returns valid UTF-8 (Go escapes everything else), so it returns a Java
 * string. Text read from a file need not be UTF-8, so {@link #unquote(byte[], int, int)} takes the
 * bytes Go would see; {@link #unquote(CharSequence)} takes the bytes {@link GoUtf8#encode} gives.
 */
public final class GoQuote {

  private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

  /** U+FFFD, which Go substitutes for each undecodable byte of a double-quoted literal. */
  private static final int REPLACEMENT_CHARACTER = GoUtf8.REPLACEMENT_CHARACTER;

  private GoQuote() {}

  // ---------------------------------------------------------------------------------------------
  // Quote
  // ---------------------------------------------------------------------------------------------

  /**
   * Returns {@code data} as a double-quoted Go string literal, equal character for character to
   * Go's {@code strconv.Quote(string(data))}.
   */
  public static String quote(byte[] data) {
    StringBuilder out = new StringBuilder(data.length + 2);
    appendQuoted(out, data, 0, data.length);
    return out.toString();
  }

  /**
   * Appends {@code data[offset, offset + length)} to {@code out} as a double-quoted Go string
   * literal, exactly as Go's {@code strconv.Quote} would write it.
   *
   * <p>The rules, in Go's order of precedence:
   *
   * <ol>
   *   <li>a byte that does not begin a well-formed UTF-8 sequence is written as {@code \xHH},
   *       including every byte of an encoded surrogate or overlong form (Go tells such a byte apart
   *       from U+FFFD present as its three valid bytes, which is printable and kept);
   *   <li>{@code "} and {@code \} are backslashed;
   *   <li>printable characters (Go's {@code strconv.IsPrint}, see {@code GoPrintable}) are kept as
   *       they are;
   *   <li>{@code \a \b \f \n \r \t \v} use their short escapes;
   *   <li>other characters below U+0020, and U+007F, are written as {@code \xHH};
   *   <li>everything else is <code>&#92;uHHHH</code>, or {@code \UHHHHHHHH} above U+FFFF.
   * </ol>
   *
   * <p>Hex digits are lower case, as in Go. Apart from growing {@code out}, nothing is allocated.
   *
   * @throws IndexOutOfBoundsException if the range lies outside {@code data}
   */
  public static void appendQuoted(StringBuilder out, byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    // Most trace strings need no escapes; reserving room for that case avoids regrowth.
    out.ensureCapacity(out.length() + length + 2);
    out.append('"');
    int end = offset + length;
    int i = offset;
    while (i < end) {
      int b = data[i];
      if (b >= 0) {
        // ASCII, by far the most common case in traces: no decoding, no table lookup.
        appendQuotedAscii(out, b);
        i++;
        continue;
      }
      int sequenceLength = GoUtf8.sequenceLength(data, i, end);
      if (sequenceLength == 0) {
        appendHexByte(out, b & 0xFF);
        i++;
        continue;
      }
      appendQuotedNonAscii(out, GoUtf8.codePoint(data, i, sequenceLength));
      i += sequenceLength;
    }
    out.append('"');
  }

  private static void appendQuotedAscii(StringBuilder out, int c) {
    switch (c) {
      case '"':
      case '\\':
        out.append('\\').append((char) c);
        return;
      case 0x07:
        out.append("\\a");
        return;
      case '\b':
        out.append("\\b");
        return;
      case '\f':
        out.append("\\f");
        return;
      case '\n':
        out.append("\\n");
        return;
      case '\r':
        out.append("\\r");
        return;
      case '\t':
        out.append("\\t");
        return;
      case 0x0B:
        out.append("\\v");
        return;
      default:
        // All of 0x20..0x7E is printable to Go; the other controls and DEL have no short
        // escape and are written as single bytes.
        if (c >= 0x20 && c < 0x7F) {
          out.append((char) c);
        } else {
          appendHexByte(out, c);
        }
    }
  }

  /** {@code codePoint} is a decoded scalar value of at least U+0080, never a surrogate. */
  private static void appendQuotedNonAscii(StringBuilder out, int codePoint) {
    if (GoPrintable.isPrint(codePoint)) {
      out.appendCodePoint(codePoint);
    } else if (codePoint <= 0xFFFF) {
      out.append("\\u");
      appendHexDigits(out, codePoint, 4);
    } else {
      out.append("\\U");
      appendHexDigits(out, codePoint, 8);
    }
  }

  private static void appendHexByte(StringBuilder out, int value) {
    out.append("\\x");
    appendHexDigits(out, value, 2);
  }

  private static void appendHexDigits(StringBuilder out, int value, int digits) {
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
      out.append(LOWER_HEX[(value >>> shift) & 0xF]);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Unquote
  // ---------------------------------------------------------------------------------------------

  /**
   * Returns the bytes of the Go string that {@code quoted} denotes, accepting exactly what Go's
   * {@code strconv.Unquote} accepts: a double-quoted, back-quoted or single-quoted literal and
   * nothing before or after it.
   *
   * <ul>
   *   <li>Double quotes: escapes {@code \a \b \f \n \r \t \v \\ \"}, {@code \xHH} and three-digit
   *       octal up to {@code \377} (each one raw byte, which need not be UTF-8), and <code>
   *       &#92;uHHHH</code> / {@code \UHHHHHHHH} (UTF-8 of a code point that is not a surrogate and
   *       at most U+10FFFF). {@code \'} is an error here, as is an unescaped newline; other raw
   *       control characters, including carriage return, are kept.
   *   <li>Back quotes: the text between the quotes as it is, minus every carriage return, with no
   *       escapes, so it may span lines.
   *   <li>Single quotes: one character or escape with the same rules ({@code \'} allowed, {@code
   *       \"} not); the result is its UTF-8, or its byte for {@code \x} and octal. Go also accepts
   *       {@code ''} and returns the empty string.
   * </ul>
   *
   * <p>The text is taken as the bytes {@link GoUtf8#encode} gives, and those bytes are unquoted as
   * {@link #unquote(byte[], int, int)} does; an unpaired surrogate is therefore three bytes that
   * are not UTF-8.
   *
   * @throws SyntaxException where Go's {@code Unquote} reports {@code invalid syntax}; it carries
   *     the index in {@code quoted} of the character at which the problem was found
   */
  public static byte[] unquote(CharSequence quoted) throws SyntaxException {
    byte[] bytes = GoUtf8.encode(quoted);
    try {
      return unquote(bytes, 0, bytes.length);
    } catch (SyntaxException e) {
      throw new SyntaxException(GoUtf8.charIndexOf(quoted, e.index()), e.detail());
    }
  }

  /**
   * Returns the bytes of the Go string that the literal {@code quoted[offset, offset + length)}
   * denotes, byte for byte what Go's {@code strconv.Unquote} returns for those bytes (see {@link
   * #unquote(CharSequence)} for the escapes). Bytes that are not UTF-8 are treated as Go treats
   * them: kept as they are between back quotes, and each replaced by U+FFFD (its three bytes)
   * between double or single quotes, because Go decodes such a literal one character at a time and
   * its decoder yields U+FFFD for every byte that starts no well-formed sequence. A literal with no
   * backslash and only valid UTF-8 is returned as it is, as Go's fast path does.
   *
   * @throws SyntaxException where Go's {@code Unquote} reports {@code invalid syntax}; its index is
   *     the byte offset from {@code offset}
   * @throws IndexOutOfBoundsException if the range lies outside {@code quoted}
   */
  public static byte[] unquote(byte[] quoted, int offset, int length) throws SyntaxException {
    Objects.checkFromIndexSize(offset, length, quoted.length);
    Literal in = new Literal(quoted, offset, length);
    if (length == 0) {
      throw in.error(0, "expected an opening quote (\", ' or `) but found end of input");
    }
    int quote = in.at(0);
    switch (quote) {
      case '`':
        return unquoteBackQuoted(in);
      case '"':
      case '\'':
        return unquoteInterpreted(in, (char) quote);
      default:
        throw in.error(0, "expected an opening quote (\", ' or `) but found " + in.describe(0));
    }
  }

  /** {@link #unquote(byte[], int, int)} of a whole array. */
  public static byte[] unquote(byte[] quoted) throws SyntaxException {
    return unquote(quoted, 0, quoted.length);
  }

  private static byte[] unquoteBackQuoted(Literal in) throws SyntaxException {
    int n = in.length;
    int close = 1;
    while (close < n && in.at(close) != '`') {
      close++;
    }
    if (close == n) {
      throw in.error(n, "expected a closing ` but found end of input");
    }
    requireEndAfterClosingQuote(in, close, '`');
    GrowableBytes out = new GrowableBytes(close);
    for (int i = 1; i < close; i++) {
      int c = in.at(i);
      // The Go spec drops carriage returns from raw literals so that CRLF sources give the same
      // strings as LF sources; strconv does the same. Go does not validate raw literals, so
      // bytes that are not UTF-8 pass through.
      if (c != '\r') {
        out.append(c);
      }
    }
    return out.toByteArray();
  }

  private static byte[] unquoteInterpreted(Literal in, char quote) throws SyntaxException {
    int n = in.length;
    GrowableBytes out = new GrowableBytes(n);
    int i = 1;
    while (i < n) {
      int c = in.at(i);
      if (c == quote) {
        break;
      }
      if (c == '\\') {
        i = appendEscape(in, i, quote, out);
      } else if (c == '\n') {
        throw in.error(i, "expected a closing " + quote + " before the end of the line but found"
            + " a newline (only back-quoted strings may span lines)");
      } else if (c < 0x80) {
        out.append(c);
        i++;
      } else {
        int sequence = in.sequenceLength(i);
        if (sequence > 0) {
          out.append(in.bytes, in.offset + i, sequence);
          i += sequence;
        } else if (quote == '\'' && in.isEncodedSurrogate(i)) {
          // Go reads the first of the three bytes as one (invalid) character and then finds the
          // second where the closing quote should be.
          throw in.error(i, "expected one character between ' quotes but found unpaired surrogate "
              + in.describe(i) + ", which is three bytes that are not UTF-8");
        } else {
          out.appendUtf8(REPLACEMENT_CHARACTER);
          i++;
        }
      }
      if (quote == '\'') {
        break;
      }
    }
    if (i == n) {
      throw in.error(n, "expected a closing " + quote + " but found end of input");
    }
    if (in.at(i) != quote) {
      throw in.error(i, "expected the closing ' after one character but found " + in.describe(i));
    }
    requireEndAfterClosingQuote(in, i, quote);
    return out.toByteArray();
  }

  /**
   * Decodes the escape whose backslash is at {@code in[i]} into {@code out} and returns the index
   * just past it.
   */
  private static int appendEscape(Literal in, int i, char quote, GrowableBytes out)
      throws SyntaxException {
    int n = in.length;
    if (i + 1 == n) {
      throw in.error(n, "expected an escape character after \\ but found end of input");
    }
    int kind = in.at(i + 1);
    switch (kind) {
      case 'a':
        out.append(0x07);
        return i + 2;
      case 'b':
        out.append('\b');
        return i + 2;
      case 'f':
        out.append('\f');
        return i + 2;
      case 'n':
        out.append('\n');
        return i + 2;
      case 'r':
        out.append('\r');
        return i + 2;
      case 't':
        out.append('\t');
        return i + 2;
      case 'v':
        out.append(0x0B);
        return i + 2;
      case '\\':
        out.append('\\');
        return i + 2;
      case '\'':
      case '"':
        if (kind != quote) {
          throw in.error(i, "expected an escape allowed inside " + quote + " quotes but found \\"
              + (char) kind + ", which Go allows only inside " + (char) kind + " quotes");
        }
        out.append(kind);
        return i + 2;
      case 'x':
        // A single byte, deliberately not required to be UTF-8.
        out.append((int) parseHex(in, i + 2, 2, 'x'));
        return i + 4;
      case 'u':
      case 'U':
        {
          int digits = kind == 'u' ? 4 : 8;
          long codePoint = parseHex(in, i + 2, digits, (char) kind);
          if (codePoint > Character.MAX_CODE_POINT
              || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            throw in.error(i, "expected a Unicode code point (at most U+10FFFF, not a surrogate)"
                + " after \\" + (char) kind + " but found 0x" + Long.toHexString(codePoint));
          }
          out.appendUtf8((int) codePoint);
          return i + 2 + digits;
        }
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
        {
          int value = kind - '0';
          for (int k = i + 2; k < i + 4; k++) {
            int digit = k < n ? in.at(k) : 0;
            if (digit < '0' || digit > '7') {
              throw in.error(k, "expected 3 octal digits after \\ but found " + in.describe(k));
            }
            value = (value << 3) | (digit - '0');
          }
          if (value > 0xFF) {
            throw in.error(i, "expected an octal escape of at most \\377 but found \\"
                + in.text(i + 1, i + 4));
          }
          out.append(value);
          return i + 4;
        }
      default:
        throw in.error(i + 1, "expected an escape (one of a b f n r t v \\ " + quote
            + " x u U or an octal digit) after \\ but found " + in.describe(i + 1));
    }
  }

  /**
   * Reads exactly {@code digits} ASCII hex digits starting at {@code start}; Go accepts either
   * case.
   */
  private static long parseHex(Literal in, int start, int digits, char kind)
      throws SyntaxException {
    long value = 0;
    for (int k = start; k < start + digits; k++) {
      int digit = k < in.length ? hexValue(in.at(k)) : -1;
      if (digit < 0) {
        throw in.error(k, "expected " + digits + " hex digits after \\" + kind + " but found "
            + in.describe(k));
      }
      value = (value << 4) | digit;
    }
    return value;
  }

  /** Only ASCII counts: {@link Character#digit} would also accept, say, fullwidth digits. */
  private static int hexValue(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    } else if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** Go's {@code Unquote} takes a whole string, so anything after the literal is an error. */
  private static void requireEndAfterClosingQuote(Literal in, int close, char quote)
      throws SyntaxException {
    if (close + 1 != in.length) {
      throw in.error(close + 1, "expected end of input after the closing " + quote
          + " but found " + in.describe(close + 1));
    }
  }

  /** The literal being unquoted: a range of bytes, indexed from its start. */
  private static final class Literal {
    final byte[] bytes;
    final int offset;
    final int length;

    Literal(byte[] bytes, int offset, int length) {
      this.bytes = bytes;
      this.offset = offset;
      this.length = length;
    }

    /** The unsigned byte at {@code i}. */
    int at(int i) {
      return bytes[offset + i] & 0xFF;
    }

    int sequenceLength(int i) {
      return GoUtf8.sequenceLength(bytes, offset + i, offset + length);
    }

    boolean isEncodedSurrogate(int i) {
      return GoUtf8.isEncodedSurrogate(bytes, offset + i, offset + length);
    }

    String text(int from, int to) {
      return GoUtf8.decode(bytes, offset + from, to - from);
    }

    SyntaxException error(int i, String detail) {
      return new SyntaxException(i, detail);
    }

    /**
     * Names the character at {@code i} for an error message, legibly even when it is invisible or
     * not UTF-8.
     */
    String describe(int i) {
      if (i >= length) {
        return "end of input";
      }
      int c = at(i);
      if (c > 0x20 && c < 0x7F) {
        return "'" + (char) c + "'";
      }
      switch (c) {
        case ' ':
          return "a space";
        case '\n':
          return "a newline";
        default:
          break;
      }
      int sequence = sequenceLength(i);
      if (sequence > 0) {
        return String.format("U+%04X", GoUtf8.codePoint(bytes, offset + i, sequence));
      }
      if (isEncodedSurrogate(i)) {
        return String.format("U+%04X", GoUtf8.encodedSurrogate(bytes, offset + i));
      }
      return String.format("byte 0x%02X, which is not UTF-8", c);
    }
  }

  /**
   * A growable byte array: the result of {@link #unquote} is usually about as long as its input, so
   * one exact copy at the end is the only other allocation.
   */
  private static final class GrowableBytes {
    private byte[] bytes;
    private int size;

    GrowableBytes(int expectedSize) {
      bytes = new byte[Math.max(expectedSize, 16)];
    }

    void append(int b) {
      if (size == bytes.length) {
        bytes = Arrays.copyOf(bytes, 2 * bytes.length);
      }
      bytes[size++] = (byte) b;
    }

    void append(byte[] from, int offset, int length) {
      while (size + length > bytes.length) {
        bytes = Arrays.copyOf(bytes, 2 * bytes.length);
      }
      System.arraycopy(from, offset, bytes, size, length);
      size += length;
    }

    /**
     * Appends the UTF-8 encoding of {@code codePoint}; for a surrogate this is the generalised
     * three-byte form, which only back-quoted literals let through.
     */
    void appendUtf8(int codePoint) {
      if (codePoint < 0x80) {
        append(codePoint);
      } else if (codePoint < 0x800) {
        append(0xC0 | (codePoint >>> 6));
        append(0x80 | (codePoint & 0x3F));
      } else if (codePoint < 0x10000) {
        append(0xE0 | (codePoint >>> 12));
        append(0x80 | ((codePoint >>> 6) & 0x3F));
        append(0x80 | (codePoint & 0x3F));
      } else {
        append(0xF0 | (codePoint >>> 18));
        append(0x80 | ((codePoint >>> 12) & 0x3F));
        append(0x80 | ((codePoint >>> 6) & 0x3F));
        append(0x80 | (codePoint & 0x3F));
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }

  /**
   * {@link #unquote} rejected its input. Go reports only {@code invalid syntax}; this also says
   * where ({@link #index()}, an index into the quoted text) and what was expected there.
   */
  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int index;
    private final String detail;

    SyntaxException(int index, String detail) {
      super(detail + " (at index " + index + ")");
      this.index = index;
      this.detail = detail;
    }

    /** Index of the character in the quoted text at which the problem was found. */
    public int index() {
      return index;
    }

    /** The message without the index, for callers that report their own position. */
    public String detail() {
      return detail;
    }
  }
}
