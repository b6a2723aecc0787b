package dev.gotrace.kit.report;

/** Escaping for XML and HTML text and attributes. */
final class Xml {
  private Xml() {}

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<': b.append("&lt;"); break;
        case '>': b.append("&gt;"); break;
        case '&': b.append("&amp;"); break;
        case '"': b.append("&quot;"); break;
        case '\'': b.append("&#39;"); break;
        default:
          // XML 1.0 allows no other control characters, not even escaped.
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
            b.append('?');
          } else {
            b.append(c);
          }
      }
    }
    return b.toString();
  }
}
