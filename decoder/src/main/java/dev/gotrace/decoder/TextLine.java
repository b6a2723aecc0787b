package dev.gotrace.decoder;

import dev.gotrace.text.GoUtf8;

/**
 * One line of Go's raw text format and a position in it, with Go's tokenizer rules: tokens are
 * separated by Unicode white space (Go's {@code unicode.IsSpace}), and a {@code #} ends a token and
 * starts a comment only where a token would start.
 *
 * <p>The line is kept as its bytes (a {@code data=} value is unquoted from them, as Go does) and as
 * text ({@link GoUtf8#decodeAsText}: one U+FFFD per byte that is not UTF-8, as Go's tokenizer sees
 * them when it ranges over the bytes, except that an encoded surrogate is its one char, as a
 * {@code Reader} gave it); tokens split the same either way. Positions and columns count chars of
 * that text.
 */
final class TextLine {
  final byte[] bytes;
  final String text;
  final int number;
  int pos;

  TextLine(byte[] bytes, int number) {
    this.bytes = bytes;
    this.text = GoUtf8.decodeAsText(bytes, 0, bytes.length);
    this.number = number;
  }

  /** The column (1-based) of the byte at {@code byteIndex}: one more than the chars before it. */
  int columnOfByte(int byteIndex) {
    return GoUtf8.decodeAsText(bytes, 0, Math.min(byteIndex, bytes.length)).length() + 1;
  }

  /**
   * The byte range {@code [from, to)} without leading and trailing white space, as Go's {@code
   * strings.TrimSpace}; returns {@code {start, end}}.
   */
  int[] trimSpace(int from, int to) {
    int start = -1;
    int end = from;
    for (int i = from; i < to; ) {
      int n = GoUtf8.sequenceLength(bytes, i, to);
      boolean space = n > 0 && isSpace(GoUtf8.codePoint(bytes, i, n));
      int width = Math.max(n, 1);
      if (!space) {
        if (start < 0) {
          start = i;
        }
        end = i + width;
      }
      i += width;
    }
    return start < 0 ? new int[] {to, to} : new int[] {start, end};
  }

  /**
   * The next token, or {@code null} when only white space is left or a comment starts. Leaves
   * {@link #pos} just after the token.
   */
  String token() {
    int i = pos;
    int n = text.length();
    while (i < n && isSpace(text.charAt(i))) {
      i++;
    }
    if (i >= n || text.charAt(i) == '#') {
      return null;
    }
    int start = i;
    while (i < n && !isSpace(text.charAt(i)) && text.charAt(i) != '#') {
      i++;
    }
    pos = i;
    return text.substring(start, i);
  }

  /** The column (1-based) of the next non-space character, for error messages. */
  int nextColumn() {
    int i = pos;
    while (i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    return i + 1;
  }

  /** Whether everything after {@link #pos} is white space (a comment is not). */
  boolean restIsSpace() {
    for (int i = pos; i < text.length(); i++) {
      if (!isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the line holds no token: blank, or a comment. */
  boolean isBlank() {
    int saved = pos;
    pos = 0;
    boolean blank = token() == null;
    pos = saved;
    return blank;
  }

  /** Go's {@code unicode.IsSpace}: the Unicode White_Space property. */
  static boolean isSpace(int c) {
    switch (c) {
      case '\t':
      case '\n':
      case 0x0B:
      case '\f':
      case '\r':
      case ' ':
      case 0x85:
      case 0xA0:
      case 0x1680:
      case 0x2028:
      case 0x2029:
      case 0x202F:
      case 0x205F:
      case 0x3000:
        return true;
      default:
        return c >= 0x2000 && c <= 0x200A;
    }
  }
}
