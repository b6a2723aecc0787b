package dev.gotrace.text;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pure-Java checks of {@link GoQuote}. The expected texts were taken from Go's {@code strconv}
 * (go1.26, Unicode 15.0.0); GoQuoteAgainstGoTest in the conformance module compares with a live Go
 * toolchain over many more inputs.
 */
final class GoQuoteTest {

  private static final HexFormat HEX = HexFormat.of();

  /** Fixed so that failures reproduce; each failure message also names the input. */
  private static final long SEED = 0x60_7A_CE_5EEDL;

  // ---------------------------------------------------------------------------------------------
  // quote: known cases (input bytes as hex, then Go's output)
  // ---------------------------------------------------------------------------------------------

  static Stream<Arguments> quoteCases() {
    return Stream.of(
        arguments("", "\"\""),
        arguments("68656c6c6f", "\"hello\""),
        arguments("22", "\"\\\"\""),
        arguments("5c", "\"\\\\\""),
        arguments("27", "\"'\""),
        arguments("60", "\"`\""),
        arguments("07080c0a0d090b", "\"\\a\\b\\f\\n\\r\\t\\v\""),
        arguments("001b1f", "\"\\x00\\x1b\\x1f\""),
        arguments("7f", "\"\\x7f\""),
        arguments("20", "\" \""),
        arguments("7e", "\"~\""),
        // Bytes that start no well-formed UTF-8 sequence are escaped one by one.
        arguments("80", "\"\\x80\""),
        arguments("ff", "\"\\xff\""),
        arguments("c080", "\"\\xc0\\x80\""),
        arguments("e08080", "\"\\xe0\\x80\\x80\""),
        arguments("e282", "\"\\xe2\\x82\""),
        arguments("e28241", "\"\\xe2\\x82A\""),
        arguments("f4908080", "\"\\xf4\\x90\\x80\\x80\""),
        arguments("f5808080", "\"\\xf5\\x80\\x80\\x80\""),
        // A surrogate encoded as three bytes is not UTF-8 to Go.
        arguments("eda080", "\"\\xed\\xa0\\x80\""),
        arguments("edbfbf", "\"\\xed\\xbf\\xbf\""),
        // U+FFFD present as valid UTF-8 is printable and kept.
        arguments("efbfbd", "\"\uFFFD\""),
        arguments("efbfbdff", "\"\uFFFD\\xff\""),
        // Non-printable but valid: C1 controls, NBSP, soft hyphen, format and space characters.
        arguments("c280", "\"\\u0080\""),
        arguments("c29f", "\"\\u009f\""),
        arguments("c2a0", "\"\\u00a0\""),
        arguments("c2ad", "\"\\u00ad\""),
        arguments("cdb8", "\"\\u0378\""),
        arguments("e2808b", "\"\\u200b\""),
        arguments("e280a8", "\"\\u2028\""),
        arguments("e38080", "\"\\u3000\""),
        arguments("efbbbf", "\"\\ufeff\""),
        arguments("f3a08081", "\"\\U000e0001\""),
        arguments("f3b08080", "\"\\U000f0000\""),
        arguments("f48fbfbf", "\"\\U0010ffff\""),
        // Printable and kept: Latin-1, BMP, and supplementary characters.
        arguments("c2a1", "\"\u00A1\""),
        arguments("c3a9", "\"\u00E9\""),
        arguments("e282ac", "\"\u20AC\""),
        arguments("f09f9880", "\"\uD83D\uDE00\""),
        // Unicode 14 and 15 additions: printable to Go even where the JDK's tables are older.
        arguments("e0a1b0", "\"\u0870\""),
        arguments("f09fabb0", "\"\uD83E\uDEF0\""));
  }

  @ParameterizedTest(name = "quote({0}) == {1}")
  @MethodSource("quoteCases")
  void quote_knownCases(String inputHex, String expected) {
    assertThat(GoQuote.quote(bytes(inputHex))).isEqualTo(expected);
  }

  @Test
  void quote_everySingleByte() {
    for (int b = 0; b < 256; b++) {
      String expected;
      if (b == '"' || b == '\\') {
        expected = "\"\\" + (char) b + "\"";
      } else if (b >= 0x20 && b < 0x7F) {
        expected = "\"" + (char) b + "\"";
      } else if (b >= 0x07 && b <= 0x0D) {
        expected = "\"\\" + "abtnvfr".charAt(b - 0x07) + "\"";
      } else {
        expected = String.format("\"\\x%02x\"", b);
      }
      assertWithMessage("byte 0x%s", Integer.toHexString(b))
          .that(GoQuote.quote(new byte[] {(byte) b}))
          .isEqualTo(expected);
    }
  }

  @Test
  void quote_everySurrogateEncodedAsThreeBytes_isEscapedBytewise() {
    for (int surrogate = 0xD800; surrogate <= 0xDFFF; surrogate++) {
      byte[] generalisedUtf8 = {
        (byte) (0xE0 | surrogate >>> 12),
        (byte) (0x80 | (surrogate >>> 6) & 0x3F),
        (byte) (0x80 | surrogate & 0x3F)
      };
      String expected =
          String.format(
              "\"\\x%02x\\x%02x\\x%02x\"",
              generalisedUtf8[0] & 0xFF, generalisedUtf8[1] & 0xFF, generalisedUtf8[2] & 0xFF);
      assertThat(GoQuote.quote(generalisedUtf8)).isEqualTo(expected);
    }
  }

  @Test
  void quote_everyCodePoint_keepsExactlyThePrintableOnes() {
    StringBuilder expected = new StringBuilder();
    for (int codePoint = 0x80; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
      if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
        continue;
      }
      String text = new String(Character.toChars(codePoint));
      expected.setLength(0);
      expected.append('"');
      if (GoPrintable.isPrint(codePoint)) {
        expected.append(text);
      } else {
        // Built by hand: String.format for ~800,000 unassigned code points would dominate the run.
        String hex = Integer.toHexString(codePoint);
        int width = codePoint <= 0xFFFF ? 4 : 8;
        expected
            .append(codePoint <= 0xFFFF ? "\\u" : "\\U")
            .append("0".repeat(width - hex.length()))
            .append(hex);
      }
      expected.append('"');
      String actual = GoQuote.quote(text.getBytes(UTF_8));
      if (!actual.contentEquals(expected)) {
        assertWithMessage("U+%s", Integer.toHexString(codePoint))
            .that(actual)
            .isEqualTo(expected.toString());
      }
    }
  }

  @Test
  void appendQuoted_appendsOnlyTheGivenRange() {
    StringBuilder out = new StringBuilder("data=");
    byte[] data = "xx\"a\nb\"yy".getBytes(UTF_8);

    GoQuote.appendQuoted(out, data, 2, 5);

    assertThat(out.toString()).isEqualTo("data=\"\\\"a\\nb\\\"\"");
  }

  @Test
  void appendQuoted_rangeOutsideData_throws() {
    StringBuilder out = new StringBuilder();
    assertThrows(
        IndexOutOfBoundsException.class, () -> GoQuote.appendQuoted(out, new byte[4], 3, 2));
    assertThrows(
        IndexOutOfBoundsException.class, () -> GoQuote.appendQuoted(out, new byte[4], -1, 1));
    assertThat(out.toString()).isEmpty();
  }

  /**
   * The text writer quotes every string of a trace, so its common case (ASCII into a builder that
   * already has room) must not produce garbage.
   */
  @Test
  void appendQuoted_asciiIntoBuilderWithRoom_allocatesNothing() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!(threads instanceof com.sun.management.ThreadMXBean)) {
      return; // Allocation counting is a HotSpot extension; nothing to measure elsewhere.
    }
    com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) threads;
    long thread = Thread.currentThread().getId();
    byte[] data = "runtime.gopark\t\"chan receive\"\n\\x00\u0001\u007f".getBytes(UTF_8);
    StringBuilder out = new StringBuilder(1 << 16);
    for (int warmUp = 0; warmUp < 20_000; warmUp++) {
      out.setLength(0);
      GoQuote.appendQuoted(out, data, 0, data.length);
    }

    long before = allocations.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 10_000; i++) {
      out.setLength(0);
      GoQuote.appendQuoted(out, data, 0, data.length);
    }
    long allocated = allocations.getThreadAllocatedBytes(thread) - before;

    // A little slack for the measuring call itself; one allocation per call would be >= 160 KB.
    assertThat(allocated).isLessThan(4096L);
  }

  // ---------------------------------------------------------------------------------------------
  // unquote: accepted inputs
  // ---------------------------------------------------------------------------------------------

  static Stream<Arguments> acceptedCases() {
    return Stream.of(
        arguments("\"\"", ""),
        arguments("\"abc\"", "616263"),
        arguments("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", "07080c0a0d090b5c22"),
        arguments("\"\\x41\\101\\u0041\\U00000041\"", "41414141"),
        // \x and octal escapes give raw bytes; the u and U escapes give UTF-8.
        arguments("\"\\xff\\377\\000\"", "ffff00"),
        arguments("\"\\u00ff\"", "c3bf"),
        arguments("\"\\u00FF\\xAb\"", "c3bfab"),
        arguments("\"\\ud7ff\\ue000\\U0010ffff\"", "ed9fbfee8080f48fbfbf"),
        arguments("\"\\ufffd\"", "efbfbd"),
        arguments("\"'\"", "27"),
        arguments("\"`\"", "60"),
        // Raw controls other than newline are kept, carriage return included.
        arguments("\"a\rb\"", "610d62"),
        arguments("\"a\tb\u0000\u007f\"", "610962007f"),
        arguments("\"\u00E9\uD83D\uDE00\"", "c3a9f09f9880"),
        // Single quotes: one character, or nothing at all.
        arguments("''", ""),
        arguments("'a'", "61"),
        arguments("'\"'", "22"),
        arguments("'\\''", "27"),
        arguments("'\\x80'", "80"),
        arguments("'\\200'", "80"),
        arguments("'\\u00e9'", "c3a9"),
        arguments("'\u00E9'", "c3a9"),
        arguments("'\uD83D\uDE00'", "f09f9880"),
        arguments("'\\n'", "0a"),
        // Back quotes: no escapes, newlines allowed, carriage returns dropped.
        arguments("``", ""),
        arguments("`a\\nb`", "615c6e62"),
        arguments("`a\nb`", "610a62"),
        arguments("`a\r\nb\r`", "610a62"),
        arguments("`\"'\\x`", "22275c78"),
        // An unpaired surrogate is three non-UTF-8 bytes: kept raw in back quotes, each
        // replaced by U+FFFD in double quotes.
        arguments("`\uD800`", "eda080"),
        arguments("\"\uD800\"", "efbfbdefbfbdefbfbd"),
        arguments("\"\uDC00a\"", "efbfbdefbfbdefbfbd61"));
  }

  @ParameterizedTest(name = "unquote({0}) == {1}")
  @MethodSource("acceptedCases")
  void unquote_acceptedCases(String quoted, String expectedHex) throws GoQuote.SyntaxException {
    assertThat(GoQuote.unquote(quoted)).isEqualTo(bytes(expectedHex));
  }

  @Test
  void unquote_takesAnyCharSequence() throws GoQuote.SyntaxException {
    assertThat(GoQuote.unquote(new StringBuilder("\"a\\x00\""))).isEqualTo(new byte[] {'a', 0});
  }

  /**
   * Literals as raw bytes that are not UTF-8 (a text trace edited by hand, or cut), with what Go's
   * strconv.Unquote returns for exactly these bytes (go1.26): one U+FFFD per invalid byte between
   * double or single quotes, the bytes as they are between back quotes.
   */
  static Stream<Arguments> byteLiteralCases() {
    return Stream.of(
        arguments("22ff22", "efbfbd"),
        arguments("2261e2826222", "61efbfbdefbfbd62"),
        arguments("27ff27", "efbfbd"),
        arguments("60ff60", "ff"),
        arguments("60e28241600d", null),
        arguments("60e2820d4160", "e28241"),
        arguments("22ff5c78343122", "efbfbd41"),
        arguments("22eda08022", "efbfbdefbfbdefbfbd"),
        arguments("22c3a922", "c3a9"),
        arguments("22f0908080f4908080c0af22", "f0908080efbfbdefbfbdefbfbdefbfbdefbfbdefbfbd"),
        arguments("27eda08027", null),
        arguments("27e28227", null),
        arguments("22ff", null),
        arguments("ff", null));
  }

  @ParameterizedTest(name = "unquote(bytes {0}) = {1}")
  @MethodSource("byteLiteralCases")
  void unquote_bytesThatAreNotUtf8_asGo(String literalHex, String expectedHex) throws Exception {
    byte[] literal = bytes(literalHex);
    if (expectedHex == null) {
      assertThrows(GoQuote.SyntaxException.class, () -> GoQuote.unquote(literal));
    } else {
      assertThat(GoQuote.unquote(literal)).isEqualTo(bytes(expectedHex));
    }
  }

  @Test
  void unquote_bytes_rangeAndErrorIndexFromItsStart() throws Exception {
    byte[] line = "x=\"a\" \"a\\q\"".getBytes(UTF_8);
    assertThat(GoQuote.unquote(line, 2, 3)).isEqualTo(new byte[] {'a'});
    GoQuote.SyntaxException e =
        assertThrows(GoQuote.SyntaxException.class, () -> GoQuote.unquote(line, 6, 5));
    assertThat(e.index()).isEqualTo(3);
    GoQuote.SyntaxException notUtf8 = assertThrows(GoQuote.SyntaxException.class,
        () -> GoQuote.unquote(bytes("225cff22")));
    assertThat(notUtf8.detail()).endsWith("but found byte 0xFF, which is not UTF-8");
  }

  // ---------------------------------------------------------------------------------------------
  // unquote: rejected inputs, with the index of the offending character
  // ---------------------------------------------------------------------------------------------

  private static final String EXPECTED_OPENING_QUOTE =
      "expected an opening quote (\", ' or `) but found ";
  private static final String BAD_CODE_POINT =
      "expected a Unicode code point (at most U+10FFFF, not a surrogate) after \\";
  private static final String NEWLINE_IN_LITERAL =
      " before the end of the line but found a newline (only back-quoted strings may span lines)";

  static Stream<Arguments> rejectedCases() {
    return Stream.of(
        arguments("", 0, EXPECTED_OPENING_QUOTE + "end of input"),
        arguments("abc", 0, EXPECTED_OPENING_QUOTE + "'a'"),
        arguments(" \"a\"", 0, EXPECTED_OPENING_QUOTE + "a space"),
        arguments("\"", 1, "expected a closing \" but found end of input"),
        arguments("\"abc", 4, "expected a closing \" but found end of input"),
        // The only quote is escaped, so the literal never ends.
        arguments("\"\\\"", 3, "expected a closing \" but found end of input"),
        arguments("\"a\"b", 3, "expected end of input after the closing \" but found 'b'"),
        arguments("\"a\" ", 3, "expected end of input after the closing \" but found a space"),
        arguments("\"a\"\n", 3, "expected end of input after the closing \" but found a newline"),
        arguments("\"a\nb\"", 2, "expected a closing \"" + NEWLINE_IN_LITERAL),
        arguments(
            "\"\\'\"",
            1,
            "expected an escape allowed inside \" quotes but found \\', which Go allows only inside"
                + " ' quotes"),
        arguments(
            "'\\\"'",
            1,
            "expected an escape allowed inside ' quotes but found \\\", which Go allows only inside"
                + " \" quotes"),
        arguments(
            "\"\\q\"",
            2,
            "expected an escape (one of a b f n r t v \\ \" x u U or an octal digit) after \\ but"
                + " found 'q'"),
        arguments(
            "\"\\\u00E9\"",
            2,
            "expected an escape (one of a b f n r t v \\ \" x u U or an octal digit) after \\ but"
                + " found U+00E9"),
        arguments("\"\\x4\"", 4, "expected 2 hex digits after \\x but found '\"'"),
        arguments("\"\\xg0\"", 3, "expected 2 hex digits after \\x but found 'g'"),
        arguments("\"\\u12\"", 5, "expected 4 hex digits after \\u but found '\"'"),
        arguments("\"\\U0001F60\"", 10, "expected 8 hex digits after \\U but found '\"'"),
        // Only ASCII hex digits count, not, say, a fullwidth digit one.
        arguments("\"\\u\uFF11234\"", 3, "expected 4 hex digits after \\u but found U+FF11"),
        arguments("\"\\ud800\"", 1, BAD_CODE_POINT + "u but found 0xd800"),
        arguments("\"\\uDFFF\"", 1, BAD_CODE_POINT + "u but found 0xdfff"),
        arguments("\"\\U00110000\"", 1, BAD_CODE_POINT + "U but found 0x110000"),
        arguments("\"\\UFFFFFFFF\"", 1, BAD_CODE_POINT + "U but found 0xffffffff"),
        arguments("\"\\400\"", 1, "expected an octal escape of at most \\377 but found \\400"),
        arguments("\"\\38\"", 3, "expected 3 octal digits after \\ but found '8'"),
        arguments("\"\\0\"", 3, "expected 3 octal digits after \\ but found '\"'"),
        arguments("'", 1, "expected a closing ' but found end of input"),
        arguments("'ab'", 2, "expected the closing ' after one character but found 'b'"),
        arguments("'\\x41b'", 5, "expected the closing ' after one character but found 'b'"),
        arguments("'\n'", 1, "expected a closing '" + NEWLINE_IN_LITERAL),
        arguments(
            "'\uD800'",
            1,
            "expected one character between ' quotes but found unpaired surrogate U+D800,"
                + " which is three bytes that are not UTF-8"),
        arguments("`abc", 4, "expected a closing ` but found end of input"),
        arguments("`a`b`", 3, "expected end of input after the closing ` but found 'b'"));
  }

  @ParameterizedTest(name = "unquote({0}) fails at {1}")
  @MethodSource("rejectedCases")
  void unquote_rejectedCases(String quoted, int index, String detail) {
    GoQuote.SyntaxException e =
        assertThrows(GoQuote.SyntaxException.class, () -> GoQuote.unquote(quoted));
    assertThat(e.index()).isEqualTo(index);
    assertThat(e.detail()).isEqualTo(detail);
    assertThat(e).hasMessageThat().isEqualTo(detail + " (at index " + index + ")");
  }

  // ---------------------------------------------------------------------------------------------
  // Round trips: unquote(quote(b)) == b
  // ---------------------------------------------------------------------------------------------

  @Test
  void roundTrip_everyPairOfBytes() throws GoQuote.SyntaxException {
    byte[] pair = new byte[2];
    for (int first = 0; first < 256; first++) {
      for (int second = 0; second < 256; second++) {
        pair[0] = (byte) first;
        pair[1] = (byte) second;
        assertRoundTrips(pair, "pair");
      }
    }
  }

  @Test
  void roundTrip_seededRandomGoStrings() throws GoQuote.SyntaxException {
    Random random = new Random(SEED);
    for (int i = 0; i < 20_000; i++) {
      assertRoundTrips(randomGoString(random), "seed " + SEED + ", sample " + i);
    }
  }

  @Test
  void roundTrip_everyCodePointAndSurrogateInRuns() throws GoQuote.SyntaxException {
    // Runs of 256 neighbours keep this fast while still passing every code point through both ways.
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    for (int start = 0; start <= Character.MAX_CODE_POINT; start += 256) {
      run.reset();
      for (int codePoint = start; codePoint < start + 256; codePoint++) {
        writeGeneralisedUtf8(run, codePoint);
      }
      assertRoundTrips(run.toByteArray(), "run from U+" + Integer.toHexString(start));
    }
  }

  /**
   * Single-quoted literals hold one character or one escape; the \x and octal escapes reach every
   * byte value, and the result is that raw byte.
   */
  @Test
  void unquote_singleQuotedFormOfEveryByteEscape() throws GoQuote.SyntaxException {
    for (int b = 0; b < 256; b++) {
      assertThat(GoQuote.unquote(String.format("'\\x%02x'", b))).isEqualTo(new byte[] {(byte) b});
      assertThat(GoQuote.unquote(String.format("'\\%03o'", b))).isEqualTo(new byte[] {(byte) b});
    }
  }

  // ---------------------------------------------------------------------------------------------
  // GoPrintable: the generated table is well formed
  // ---------------------------------------------------------------------------------------------

  @Test
  void goPrintable_knownAnswers() {
    assertThat(GoPrintable.isPrint(' ')).isTrue();
    assertThat(GoPrintable.isPrint('~')).isTrue();
    assertThat(GoPrintable.isPrint(0x7F)).isFalse();
    assertThat(GoPrintable.isPrint('\t')).isFalse();
    assertThat(GoPrintable.isPrint(0xA0)).isFalse();
    assertThat(GoPrintable.isPrint(0xA1)).isTrue();
    assertThat(GoPrintable.isPrint(0xAD)).isFalse();
    assertThat(GoPrintable.isPrint(0xD800)).isFalse();
    assertThat(GoPrintable.isPrint(0xFFFD)).isTrue();
    assertThat(GoPrintable.isPrint(0x1F600)).isTrue();
    assertThat(GoPrintable.isPrint(0xF0000)).isFalse();
    assertThat(GoPrintable.isPrint(-1)).isFalse();
    assertThat(GoPrintable.isPrint(Integer.MIN_VALUE)).isFalse();
    assertThat(GoPrintable.isPrint(0x110000)).isFalse();
    assertThat(GoPrintable.isPrint(Integer.MAX_VALUE)).isFalse();
  }

  @Test
  void goPrintable_printableAsciiIsExactlySpaceToTilde() {
    for (int c = 0; c < 0x80; c++) {
      assertWithMessage("0x%s", Integer.toHexString(c))
          .that(GoPrintable.isPrint(c))
          .isEqualTo(c >= 0x20 && c <= 0x7E);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private static void assertRoundTrips(byte[] data, String context) throws GoQuote.SyntaxException {
    String quoted = GoQuote.quote(data);
    byte[] back = GoQuote.unquote(quoted);
    if (!Arrays.equals(back, data)) {
      assertWithMessage("%s: %s quoted as %s", context, HEX.formatHex(data), quoted)
          .that(HEX.formatHex(back))
          .isEqualTo(HEX.formatHex(data));
    }
  }

  private static byte[] bytes(String hex) {
    return HEX.parseHex(hex);
  }

  /** Code points worth hitting often: boundaries of encodings, planes, and Go's special cases. */
  private static final int[] EDGE_CODE_POINTS = {
    0x00, 0x07, 0x0A, 0x1F, 0x20, 0x22, 0x27, 0x5C, 0x60, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xA1, 0xAD,
    0xFF, 0x100, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x1F600,
    0x1FAF0, 0x2FFFF, 0xE0001, 0xF0000, 0x10FFFF,
  };

  /**
   * A byte string that mixes ASCII, valid UTF-8 from every plane, and many kinds of invalid UTF-8.
   */
  private static byte[] randomGoString(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pieces = random.nextInt(24);
    for (int p = 0; p < pieces; p++) {
      switch (random.nextInt(9)) {
        case 0:
          out.write(0x20 + random.nextInt(0x5F));
          break;
        case 1:
          out.write("\"\\'`\n\r\t\u0000\u007f\u0007\u001b".charAt(random.nextInt(11)));
          break;
        case 2:
          out.write(random.nextInt(256));
          break;
        case 3:
          out.write(0x80 + random.nextInt(0x80)); // continuation bytes and invalid leads
          break;
        case 4:
          writeGeneralisedUtf8(out, randomScalarValue(random));
          break;
        case 5:
          writeGeneralisedUtf8(out, EDGE_CODE_POINTS[random.nextInt(EDGE_CODE_POINTS.length)]);
          break;
        case 6:
          writeGeneralisedUtf8(out, 0xD800 + random.nextInt(0x800)); // surrogate, 3 bytes
          break;
        case 7:
          {
            // A valid sequence cut short.
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            writeGeneralisedUtf8(whole, 0x80 + random.nextInt(Character.MAX_CODE_POINT - 0x80));
            byte[] bytes = whole.toByteArray();
            out.write(bytes, 0, 1 + random.nextInt(bytes.length - 1));
            break;
          }
        default:
          {
            // Overlong forms and values beyond U+10FFFF.
            int value = random.nextInt(0x80);
            byte[][] forms = {
              {(byte) (0xC0 | value >> 6), (byte) (0x80 | value & 0x3F)},
              {(byte) 0xE0, (byte) (0x80 | value >> 6), (byte) (0x80 | value & 0x3F)},
              {(byte) 0xF4, (byte) (0x90 + random.nextInt(0x30)), (byte) 0x80, (byte) 0x80},
              {(byte) (0xF5 + random.nextInt(11)), (byte) 0x80, (byte) 0x80, (byte) 0x80},
            };
            byte[] form = forms[random.nextInt(forms.length)];
            out.write(form, 0, form.length);
          }
      }
    }
    return out.toByteArray();
  }

  private static int randomScalarValue(Random random) {
    while (true) {
      int plane = random.nextInt(4) == 0 ? 0 : random.nextInt(17);
      int codePoint = plane << 16 | random.nextInt(0x10000);
      if (codePoint >= 0x80 && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
        return codePoint;
      }
    }
  }

  /** UTF-8, except that surrogates get the three-byte form a strict encoder refuses to write. */
  private static void writeGeneralisedUtf8(ByteArrayOutputStream out, int codePoint) {
    if (codePoint < 0x80) {
      out.write(codePoint);
    } else if (codePoint < 0x800) {
      out.write(0xC0 | codePoint >>> 6);
      out.write(0x80 | codePoint & 0x3F);
    } else if (codePoint < 0x10000) {
      out.write(0xE0 | codePoint >>> 12);
      out.write(0x80 | (codePoint >>> 6) & 0x3F);
      out.write(0x80 | codePoint & 0x3F);
    } else {
      out.write(0xF0 | codePoint >>> 18);
      out.write(0x80 | (codePoint >>> 12) & 0x3F);
      out.write(0x80 | (codePoint >>> 6) & 0x3F);
      out.write(0x80 | codePoint & 0x3F);
    }
  }
}
