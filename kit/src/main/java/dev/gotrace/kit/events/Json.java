package dev.gotrace.kit.events;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON the kit reads and writes (manifest, event lines, stream results, reports): a small,
 * strict RFC 8259 reader and a writer. Values are {@code Map<String, Object>} (insertion order
 * kept), {@code List<Object>}, {@code String}, {@code BigInteger} (every integer, so unsigned 64-bit
 * values survive), {@code BigDecimal}, {@code Boolean} and {@code null}.
 *
 * <p>The kit depends on no JSON library: the formats are small and a dependency would travel into
 * every tool that embeds the kit.
 */
public final class Json {
  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  /** Parses one JSON value (surrounding white space allowed). */
  public static Object parse(String text) throws JsonException {
    Json p = new Json(text);
    p.ws();
    Object v = p.value(0);
    p.ws();
    if (p.i != text.length()) {
      throw p.error("end of input");
    }
    return v;
  }

  /** Parses one JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) throws JsonException {
    Object v = parse(text);
    if (!(v instanceof Map)) {
      throw new JsonException("expected a JSON object, found " + describe(v));
    }
    return (Map<String, Object>) v;
  }

  static String describe(Object v) {
    return v == null ? "null" : v instanceof Map ? "an object" : v instanceof List ? "an array"
        : v instanceof String ? "a string" : v instanceof Boolean ? "a boolean" : "a number";
  }

  private JsonException error(String expected) {
    String found = i >= s.length() ? "end of input" : "'" + s.charAt(i) + "'";
    return new JsonException("at column " + (i + 1) + ": expected " + expected + ", found " + found);
  }

  private void ws() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        break;
      }
      i++;
    }
  }

  private Object value(int depth) throws JsonException {
    if (depth > 64) {
      throw new JsonException("at column " + (i + 1) + ": nesting deeper than 64");
    }
    if (i >= s.length()) {
      throw error("a value");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("a value");
    }
  }

  private Object literal(String word, Object v) throws JsonException {
    if (!s.startsWith(word, i)) {
      throw error(word);
    }
    i += word.length();
    return v;
  }

  private Map<String, Object> object(int depth) throws JsonException {
    Map<String, Object> m = new LinkedHashMap<>();
    i++;
    ws();
    if (i < s.length() && s.charAt(i) == '}') {
      i++;
      return m;
    }
    while (true) {
      ws();
      if (i >= s.length() || s.charAt(i) != '"') {
        throw error("a member name");
      }
      String k = string();
      ws();
      expect(':');
      ws();
      if (m.containsKey(k)) {
        throw new JsonException("duplicate member \"" + k + "\"");
      }
      m.put(k, value(depth + 1));
      ws();
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
        continue;
      }
      expect('}');
      return m;
    }
  }

  private List<Object> array(int depth) throws JsonException {
    List<Object> l = new ArrayList<>();
    i++;
    ws();
    if (i < s.length() && s.charAt(i) == ']') {
      i++;
      return l;
    }
    while (true) {
      ws();
      l.add(value(depth + 1));
      ws();
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
        continue;
      }
      expect(']');
      return l;
    }
  }

  private void expect(char c) throws JsonException {
    if (i >= s.length() || s.charAt(i) != c) {
      throw error("'" + c + "'");
    }
    i++;
  }

  private String string() throws JsonException {
    i++;
    StringBuilder b = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw error("'\"'");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        i--;
        throw error("an escaped control character");
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i >= s.length()) {
        throw error("an escape");
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"': b.append('"'); break;
        case '\\': b.append('\\'); break;
        case '/': b.append('/'); break;
        case 'b': b.append('\b'); break;
        case 'f': b.append('\f'); break;
        case 'n': b.append('\n'); break;
        case 'r': b.append('\r'); break;
        case 't': b.append('\t'); break;
        case 'u':
          if (i + 4 > s.length()) {
            throw error("four hex digits");
          }
          try {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          } catch (NumberFormatException x) {
            throw error("four hex digits");
          }
          i += 4;
          break;
        default:
          i--;
          throw error("an escape");
      }
    }
  }

  private Object number() throws JsonException {
    int start = i;
    if (s.charAt(i) == '-') {
      i++;
    }
    int digits = i;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == digits || (s.charAt(digits) == '0' && i - digits > 1)) {
      i = digits;
      throw error("a number");
    }
    boolean integer = true;
    if (i < s.length() && s.charAt(i) == '.') {
      integer = false;
      i++;
      int f = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (f == i) {
        throw error("a digit");
      }
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      integer = false;
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int f = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (f == i) {
        throw error("a digit");
      }
    }
    String t = s.substring(start, i);
    return integer ? new BigInteger(t) : new BigDecimal(t);
  }

  // ---------------------------------------------------------------------------------------------
  // Writing.

  /** The compact JSON text of {@code v}, members in the map's order. */
  public static String write(Object v) {
    StringBuilder b = new StringBuilder();
    write(b, v, false);
    return b.toString();
  }

  /** The compact JSON text of {@code v} with every object's members sorted by name. */
  public static String writeSorted(Object v) {
    StringBuilder b = new StringBuilder();
    write(b, v, true);
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  private static void write(StringBuilder b, Object v, boolean sorted) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String) {
      quote(b, (String) v);
    } else if (v instanceof Map) {
      Map<String, Object> m = (Map<String, Object>) v;
      if (sorted) {
        m = new TreeMap<>(m);
      }
      b.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : m.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        quote(b, e.getKey());
        b.append(':');
        write(b, e.getValue(), sorted);
      }
      b.append('}');
    } else if (v instanceof List) {
      b.append('[');
      boolean first = true;
      for (Object o : (List<Object>) v) {
        if (!first) {
          b.append(',');
        }
        first = false;
        write(b, o, sorted);
      }
      b.append(']');
    } else if (v instanceof UnsignedLong) {
      b.append(Long.toUnsignedString(((UnsignedLong) v).value()));
    } else if (v instanceof Number || v instanceof Boolean) {
      b.append(v);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
  }

  /** Appends {@code s} as a JSON string: only {@code "}, {@code \} and control characters escaped. */
  public static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      switch (c) {
        case '"': b.append("\\\""); break;
        case '\\': b.append("\\\\"); break;
        case '\n': b.append("\\n"); break;
        case '\r': b.append("\\r"); break;
        case '\t': b.append("\\t"); break;
        default:
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
      }
    }
    b.append('"');
  }

  /** A 64-bit value written as an unsigned decimal integer. */
  public record UnsignedLong(long value) {}

  /** Malformed JSON, or JSON of the wrong shape. */
  public static final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
      super(message);
    }
  }
}
