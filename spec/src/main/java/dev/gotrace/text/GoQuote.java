package dev.gotrace.text;

/** TEMPORARY placeholder until the exact implementation lands (ASCII-only behaviour). */
public final class GoQuote {
  private GoQuote() {}

  public static String quote(byte[] data) {
    StringBuilder sb = new StringBuilder();
    appendQuoted(sb, data, 0, data.length);
    return sb.toString();
  }

  public static void appendQuoted(StringBuilder out, byte[] data, int offset, int length) {
    out.append('"');
    for (int i = offset; i < offset + length; i++) {
      int c = data[i] & 0xFF;
      if (c == '"' || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c >= 0x20 && c < 0x7F) {
        out.append((char) c);
      } else {
        out.append(String.format("\\x%02x", c));
      }
    }
    out.append('"');
  }

  public static byte[] unquote(CharSequence quoted) throws SyntaxException {
    String s = quoted.toString();
    if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
      throw new SyntaxException(0, "not quoted");
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        char n = s.charAt(++i);
        if (n == 'x') {
          out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        } else {
          out.write(n);
        }
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int index;

    public SyntaxException(int index, String message) {
      super(message);
      this.index = index;
    }

    public int index() {
      return index;
    }
  }
}
