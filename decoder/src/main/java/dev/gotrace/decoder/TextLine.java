package dev.gotrace.decoder;

/**
 * One line of Go's raw text format and a position in it, with Go's tokenizer rules: tokens are
 * separated by Unicode white space (Go's {@code unicode.IsSpace}), and a {@code #} ends a token and
 * starts a comment only where a token would start.
 */
final class TextLine {
  final String text;
  final int number;
  int pos;

  TextLine(String text, int number) {
    this.text = text;
    this.number = number;
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
  static boolean isSpace(char c) {
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
