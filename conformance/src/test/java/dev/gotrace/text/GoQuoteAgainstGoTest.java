package dev.gotrace.text;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@link GoQuote} against the installed Go toolchain's {@code strconv}.
 *
 * <p>All questions go to one run of {@code conformance/src/test/go/quotecheck} (a few hundred
 * thousand requests take a couple of seconds); each test then checks its share of the answers.
 * Without a Go toolchain on PATH these tests fail rather than skip: they are the evidence that the
 * text format matches Go's.
 */
final class GoQuoteAgainstGoTest {

  /** Fixed so that a failure reproduces; every failure message repeats it. */
  private static final long SEED = 0x51_7C_0A_7EL;

  private static final HexFormat HEX = HexFormat.of();

  /** Mismatches listed in one failure message; the rest are only counted. */
  private static final int MISMATCHES_SHOWN = 10;

  private static final QuoteCheck EVERY_BYTE_AND_PAIR = new QuoteCheck();
  private static final QuoteCheck EVERY_CODE_POINT = new QuoteCheck();
  private static final QuoteCheck RANDOM_BYTE_STRINGS = new QuoteCheck();
  private static final UnquoteCheck QUOTED_RANDOM_STRINGS = new UnquoteCheck();
  private static final UnquoteCheck MUTATED_LITERALS = new UnquoteCheck();
  private static final UnquoteCheck RANDOM_SHORT_LITERALS = new UnquoteCheck();
  private static final UnquoteCheck HAND_PICKED_LITERALS = new UnquoteCheck();
  private static final ByteUnquoteCheck LITERALS_NOT_UTF8 = new ByteUnquoteCheck();

  @BeforeAll
  static void askGoOnce() throws IOException, InterruptedException {
    Random random = new Random(SEED);
    addEveryByteAndPair(EVERY_BYTE_AND_PAIR);
    addEveryCodePoint(EVERY_CODE_POINT);
    for (int i = 0; i < 5_000; i++) {
      byte[] data = randomGoString(random);
      RANDOM_BYTE_STRINGS.add(data);
      QUOTED_RANDOM_STRINGS.add(GoQuote.quote(data));
    }
    for (int i = 0; i < 10_000; i++) {
      MUTATED_LITERALS.add(mutate(GoQuote.quote(randomGoString(random)), random));
    }
    for (int i = 0; i < 10_000; i++) {
      RANDOM_SHORT_LITERALS.add(randomShortLiteral(random));
    }
    addHandPickedLiterals(HAND_PICKED_LITERALS);
    for (int i = 0; i < 20_000; i++) {
      LITERALS_NOT_UTF8.add(randomLiteralBytes(random));
    }

    List<Check> checks =
        List.of(
            EVERY_BYTE_AND_PAIR,
            EVERY_CODE_POINT,
            RANDOM_BYTE_STRINGS,
            QUOTED_RANDOM_STRINGS,
            MUTATED_LITERALS,
            RANDOM_SHORT_LITERALS,
            HAND_PICKED_LITERALS,
            LITERALS_NOT_UTF8);
    StringBuilder requests = new StringBuilder();
    for (Check check : checks) {
      check.writeRequests(requests);
    }
    List<String> answers =
        runGo(repoRoot().resolve("conformance/src/test/go/quotecheck"), requests.toString());
    int expected = checks.stream().mapToInt(Check::size).sum();
    assertWithMessage("quotecheck answered %s requests with %s lines", expected, answers.size())
        .that(answers.size())
        .isEqualTo(expected);
    int next = 0;
    for (Check check : checks) {
      check.takeAnswers(answers.subList(next, next + check.size()));
      next += check.size();
    }
  }

  @Test
  void quote_matchesGo_forEveryByteAndEveryPairOfBytes() {
    EVERY_BYTE_AND_PAIR.assertAllMatch();
  }

  @Test
  void quote_matchesGo_forEveryCodePointIncludingSurrogatesAsThreeBytes() {
    EVERY_CODE_POINT.assertAllMatch();
  }

  @Test
  void quote_matchesGo_forSeededRandomByteStrings() {
    RANDOM_BYTE_STRINGS.assertAllMatch();
  }

  @Test
  void unquote_matchesGo_onQuotedRandomStrings() {
    QUOTED_RANDOM_STRINGS.assertAllMatch();
  }

  @Test
  void unquote_matchesGo_onMutatedLiterals() {
    MUTATED_LITERALS.assertAllMatch();
  }

  @Test
  void unquote_matchesGo_onRandomShortLiterals() {
    RANDOM_SHORT_LITERALS.assertAllMatch();
  }

  @Test
  void unquote_matchesGo_onHandPickedLiterals() {
    HAND_PICKED_LITERALS.assertAllMatch();
  }

  /**
   * Literals as raw bytes, not text: what a text trace holds when it is not UTF-8. Go unquotes the
   * bytes, so {@link GoQuote#unquote(byte[], int, int)} must give Go's bytes (one U+FFFD per byte
   * that is not UTF-8 between double or single quotes, the bytes as they are between back quotes)
   * and reject exactly what Go rejects.
   */
  @Test
  void unquoteBytes_matchesGo_onLiteralsThatAreNotUtf8() {
    LITERALS_NOT_UTF8.assertAllMatch();
    LITERALS_NOT_UTF8.assertBothOutcomesAndReplacementsOccur();
  }

  /**
   * GoPrintable.java must describe the Go toolchain in use: re-running the generator has to give
   * the checked-in file, apart from the line naming the toolchain (a newer Go release with the same
   * Unicode tables yields the same table).
   */
  @Test
  void goPrintable_isCurrentForTheInstalledGo() throws IOException, InterruptedException {
    Path root = repoRoot();
    Path checkedIn = root.resolve("spec/src/main/java/dev/gotrace/text/GoPrintable.java");
    List<String> regenerated = runGo(root.resolve("spec/src/main/go/isprint"), "");
    List<String> current = Files.readAllLines(checkedIn, UTF_8);
    List<String> regeneratedTable = withoutToolchainLine(regenerated);
    List<String> currentTable = withoutToolchainLine(current);
    if (!regeneratedTable.equals(currentTable)) {
      int line = 0;
      while (line < Math.min(regeneratedTable.size(), currentTable.size())
          && regeneratedTable.get(line).equals(currentTable.get(line))) {
        line++;
      }
      assertWithMessage(
              "%s is stale: it says it was generated from %s, but the installed Go (%s) gives a"
                  + " different file (a Unicode upgrade, a generator change, or a hand edit). Run"
                  + " spec/src/main/go/isprint/generate.sh and commit the result. First difference"
                  + " (ignoring the toolchain line) at line %s",
              checkedIn, toolchainLine(current), toolchainLine(regenerated), line + 1)
          .that(line < currentTable.size() ? currentTable.get(line) : "<end of file>")
          .isEqualTo(line < regeneratedTable.size() ? regeneratedTable.get(line) : "<end of file>");
    }
  }

  private static final String TOOLCHAIN_LINE_PREFIX = "// Go toolchain:";

  private static List<String> withoutToolchainLine(List<String> lines) {
    return lines.stream()
        .filter(line -> !line.startsWith(TOOLCHAIN_LINE_PREFIX))
        .collect(Collectors.toList());
  }

  private static String toolchainLine(List<String> lines) {
    return lines.stream()
        .filter(line -> line.startsWith(TOOLCHAIN_LINE_PREFIX))
        .map(line -> line.substring(TOOLCHAIN_LINE_PREFIX.length()).strip())
        .findFirst()
        .orElse("an unknown toolchain");
  }

  // ---------------------------------------------------------------------------------------------
  // Checks: each holds its inputs, writes their requests, and compares Go's answers with ours
  // ---------------------------------------------------------------------------------------------

  private abstract static class Check {
    private List<String> answers;

    abstract int size();

    abstract void writeRequests(StringBuilder out);

    /** Returns null when the Java answer equals Go's, else a line describing the difference. */
    abstract String compare(int index, String goAnswer);

    final void takeAnswers(List<String> goAnswers) {
      answers = goAnswers;
    }

    final void assertAllMatch() {
      // A check of nothing would pass whatever the code does.
      assertWithMessage("inputs of %s", getClass().getSimpleName()).that(size()).isGreaterThan(0);
      assertWithMessage("answers").that(answers).hasSize(size());
      List<String> mismatches = new ArrayList<>();
      for (int i = 0; i < size(); i++) {
        String mismatch = compare(i, answers.get(i));
        if (mismatch != null) {
          mismatches.add(mismatch);
        }
      }
      assertWithMessage(
              "%s of %s inputs differ from Go (seed 0x%s); the first ones:\n  %s",
              mismatches.size(),
              size(),
              Long.toHexString(SEED),
              String.join(
                  "\n  ", mismatches.subList(0, Math.min(MISMATCHES_SHOWN, mismatches.size()))))
          .that(mismatches)
          .isEmpty();
    }
  }

  /** Byte strings whose {@code strconv.Quote} must equal {@link GoQuote#quote}. */
  private static final class QuoteCheck extends Check {
    private final List<byte[]> inputs = new ArrayList<>();

    void add(byte[] data) {
      inputs.add(data);
    }

    @Override
    int size() {
      return inputs.size();
    }

    @Override
    void writeRequests(StringBuilder out) {
      for (byte[] data : inputs) {
        out.append("Q ").append(HEX.formatHex(data)).append('\n');
      }
    }

    @Override
    String compare(int index, String goAnswer) {
      byte[] input = inputs.get(index);
      String ours = GoQuote.quote(input);
      String go = new String(HEX.parseHex(goAnswer), UTF_8);
      return ours.equals(go)
          ? null
          : "quote(" + HEX.formatHex(input) + "): Go " + go + ", ours " + ours;
    }
  }

  /**
   * Candidate literals whose {@code strconv.Unquote} result, or failure, {@link GoQuote#unquote}
   * must repeat.
   */
  private static final class UnquoteCheck extends Check {
    private final List<String> inputs = new ArrayList<>();

    void add(String literal) {
      inputs.add(literal);
    }

    @Override
    int size() {
      return inputs.size();
    }

    @Override
    void writeRequests(StringBuilder out) {
      for (String literal : inputs) {
        out.append("U ").append(HEX.formatHex(generalisedUtf8(literal))).append('\n');
      }
    }

    @Override
    String compare(int index, String goAnswer) {
      String input = inputs.get(index);
      String ours;
      try {
        ours = "OK " + HEX.formatHex(GoQuote.unquote(input));
      } catch (GoQuote.SyntaxException e) {
        ours = "ERR (" + e.getMessage() + ")";
      }
      boolean same = goAnswer.equals("ERR") ? ours.startsWith("ERR") : ours.equals(goAnswer);
      return same
          ? null
          : "unquote("
              + GoQuote.quote(generalisedUtf8(input))
              + "): Go "
              + goAnswer
              + ", ours "
              + ours;
    }
  }

  /** Raw byte literals whose {@code strconv.Unquote} {@link GoQuote#unquote(byte[])} must repeat. */
  private static final class ByteUnquoteCheck extends Check {
    private final List<byte[]> inputs = new ArrayList<>();
    private int accepted;
    private int replaced;

    void add(byte[] literal) {
      inputs.add(literal);
    }

    @Override
    int size() {
      return inputs.size();
    }

    @Override
    void writeRequests(StringBuilder out) {
      for (byte[] literal : inputs) {
        out.append("U ").append(HEX.formatHex(literal)).append('\n');
      }
    }

    @Override
    String compare(int index, String goAnswer) {
      byte[] input = inputs.get(index);
      String ours;
      try {
        ours = "OK " + HEX.formatHex(GoQuote.unquote(input));
      } catch (GoQuote.SyntaxException e) {
        ours = "ERR (" + e.getMessage() + ")";
      }
      if (goAnswer.startsWith("OK ")) {
        accepted++;
        replaced += goAnswer.contains("efbfbd") ? 1 : 0;
      }
      boolean same = goAnswer.equals("ERR") ? ours.startsWith("ERR") : ours.equals(goAnswer);
      return same ? null : "unquote(bytes " + HEX.formatHex(input) + "): Go " + goAnswer
          + ", ours " + ours;
    }

    void assertBothOutcomesAndReplacementsOccur() {
      assertWithMessage("accepted literals").that(accepted).isAtLeast(size() / 5);
      assertWithMessage("rejected literals").that(size() - accepted).isAtLeast(size() / 10);
      assertWithMessage("accepted literals with U+FFFD").that(replaced).isAtLeast(size() / 10);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Inputs
  // ---------------------------------------------------------------------------------------------

  /**
   * A literal of raw bytes: a quote, random bytes (many not UTF-8) and escapes, mostly the
   * matching closing quote; quotes and backslashes inside are left out most of the time so that
   * many literals are well formed.
   */
  private static byte[] randomLiteralBytes(Random random) {
    char quote = "\"\"\"``'".charAt(random.nextInt(6));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(quote);
    int parts = quote == '\'' ? 1 : 1 + random.nextInt(4);
    for (int p = 0; p < parts; p++) {
      if (quote != '`' && random.nextInt(3) == 0) {
        out.writeBytes(randomPiece(random).getBytes(UTF_8));
        continue;
      }
      byte[] raw = randomGoString(random);
      int keep = quote == '\'' ? Math.min(raw.length, 1 + random.nextInt(4)) : raw.length;
      for (int i = 0; i < keep; i++) {
        byte b = raw[i];
        if ((b == '"' || b == '\'' || b == '`' || b == '\\' || b == '\n')
            && random.nextInt(8) != 0) {
          continue;
        }
        out.write(b);
      }
    }
    if (random.nextInt(10) != 0) {
      out.write(quote);
    }
    return out.toByteArray();
  }

  private static void addEveryByteAndPair(QuoteCheck check) {
    for (int first = 0; first < 256; first++) {
      check.add(new byte[] {(byte) first});
      for (int second = 0; second < 256; second++) {
        check.add(new byte[] {(byte) first, (byte) second});
      }
    }
  }

  /** Every code point once, in runs of 256 neighbours so that there are few, long requests. */
  private static void addEveryCodePoint(QuoteCheck check) {
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    for (int start = 0; start <= Character.MAX_CODE_POINT; start += 256) {
      run.reset();
      for (int codePoint = start; codePoint < start + 256; codePoint++) {
        writeGeneralisedUtf8(run, codePoint);
      }
      check.add(run.toByteArray());
    }
  }

  /**
   * Code points worth hitting often: boundaries of encodings and planes, and Go's special cases.
   */
  private static final int[] EDGE_CODE_POINTS = {
    0x00, 0x07, 0x0A, 0x0D, 0x1F, 0x20, 0x22, 0x27, 0x5C, 0x60, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xA1,
    0xAD, 0xFF, 0x100, 0x378, 0x7FF, 0x800, 0x870, 0x200B, 0x2028, 0x2FFC, 0x3000, 0xD7FF, 0xE000,
    0xF8FF, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x1CC00, 0x1F600, 0x1FAF0, 0x2FFFF, 0x30000,
    0xE0001, 0xE0100, 0xF0000, 0x10FFFD, 0x10FFFF,
  };

  /**
   * A byte string that mixes ASCII, valid UTF-8 from every plane, and many kinds of invalid UTF-8.
   */
  private static byte[] randomGoString(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pieces = random.nextInt(4) == 0 ? random.nextInt(200) : random.nextInt(16);
    for (int p = 0; p < pieces; p++) {
      switch (random.nextInt(9)) {
        case 0:
          out.write(0x20 + random.nextInt(0x5F));
          break;
        case 1:
          out.write(
              random.nextInt(0x20) | (random.nextInt(8) == 0 ? 0x60 : 0)); // controls, some ASCII
          break;
        case 2:
          out.write(random.nextInt(256));
          break;
        case 3:
          writeGeneralisedUtf8(out, randomScalarValue(random));
          break;
        case 4:
          writeGeneralisedUtf8(out, EDGE_CODE_POINTS[random.nextInt(EDGE_CODE_POINTS.length)]);
          break;
        case 5:
          writeGeneralisedUtf8(out, 0xD800 + random.nextInt(0x800)); // surrogate, 3 bytes
          break;
        case 6:
          {
            // A valid sequence cut short.
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            writeGeneralisedUtf8(whole, 0x80 + random.nextInt(Character.MAX_CODE_POINT - 0x7F));
            byte[] bytes = whole.toByteArray();
            out.write(bytes, 0, 1 + random.nextInt(bytes.length - 1));
            break;
          }
        case 7:
          {
            // Overlong forms, and lead bytes for values beyond U+10FFFF.
            int value = random.nextInt(0x800);
            byte[][] forms = {
              {(byte) (0xC0 | (value >> 6) & 1), (byte) (0x80 | value & 0x3F)},
              {(byte) 0xE0, (byte) (0x80 | (value >> 6) & 0x1F), (byte) (0x80 | value & 0x3F)},
              {(byte) 0xF0, (byte) (0x80 + random.nextInt(0x10)), (byte) 0x80, (byte) 0x80},
              {(byte) 0xF4, (byte) (0x90 + random.nextInt(0x30)), (byte) 0x80, (byte) 0x80},
              {(byte) (0xF5 + random.nextInt(11)), (byte) 0x80, (byte) 0x80, (byte) 0x80},
            };
            byte[] form = forms[random.nextInt(forms.length)];
            out.write(form, 0, form.length);
            break;
          }
        default:
          out.write("\"\\'`".charAt(random.nextInt(4)));
      }
    }
    return out.toByteArray();
  }

  private static int randomScalarValue(Random random) {
    while (true) {
      // Planes 0 and 1 hold most assigned characters; the rest still get a fair share.
      int plane = random.nextInt(3) == 0 ? random.nextInt(17) : random.nextInt(2);
      int codePoint = plane << 16 | random.nextInt(0x10000);
      if (codePoint >= 0x80 && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
        return codePoint;
      }
    }
  }

  /**
   * Pieces that tend to make or break a literal: quotes, escapes, their pieces, and odd characters.
   */
  private static final String[] LITERAL_PIECES = {
    "\\",
    "\"",
    "'",
    "`",
    "\n",
    "\r",
    "\t",
    "\u0000",
    " ",
    "a",
    "x",
    "u",
    "U",
    "0",
    "3",
    "4",
    "7",
    "8",
    "9",
    "f",
    "F",
    "g",
    "\u00E9",
    "\uFFFD",
    "\u2028",
    "\uD83D\uDE00",
    "\uD800",
    "\uDC00",
    "\uD83D",
    "\\x",
    "\\u",
    "\\U",
    "\\'",
    "\\\"",
    "\\\\",
    "\\n",
    "\\a",
    "\\v",
    "\\q",
    "\\0",
    "\\00",
    "\\000",
    "\\377",
    "\\400",
    "\\777",
    "\\xff",
    "\\xFF",
    "\\x8",
    "\\ud7ff",
    "\\ud800",
    "\\udfff",
    "\\ue000",
    "\\uFFFD",
    "\\U0010ffff",
    "\\U00110000",
    "\\Uffffffff",
    "\\U0001F600",
    "\\u00e9",
    "\\\n",
  };

  private static String randomPiece(Random random) {
    return LITERAL_PIECES[random.nextInt(LITERAL_PIECES.length)];
  }

  /** Applies one to three small edits to a literal; most results are malformed in some way. */
  private static String mutate(String literal, Random random) {
    StringBuilder text = new StringBuilder(literal);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(text.length() + 1);
      switch (random.nextInt(6)) {
        case 0:
        case 1:
          text.insert(at, randomPiece(random));
          break;
        case 2:
          if (at < text.length()) {
            text.deleteCharAt(at);
          }
          break;
        case 3:
          if (at < text.length()) {
            text.replace(at, at + 1, randomPiece(random));
          }
          break;
        case 4:
          // Other quotes around the same body.
          if (text.length() >= 2) {
            char quote = "'`\"".charAt(random.nextInt(3));
            text.setCharAt(0, quote);
            text.setCharAt(text.length() - 1, quote);
          }
          break;
        default:
          text.setLength(at);
      }
    }
    return text.toString();
  }

  /** A short literal built from pieces, with a mostly but not always matching closing quote. */
  private static String randomShortLiteral(Random random) {
    String[] openings = {"\"", "\"", "'", "'", "`", "x", ""};
    String open = openings[random.nextInt(openings.length)];
    StringBuilder text = new StringBuilder(open);
    int pieces = random.nextInt(4);
    for (int p = 0; p < pieces; p++) {
      text.append(randomPiece(random));
    }
    int close = random.nextInt(8);
    text.append(close < 6 ? open : close == 6 ? "\"" : "");
    if (random.nextInt(8) == 0) {
      text.append(randomPiece(random));
    }
    return text.toString();
  }

  private static void addHandPickedLiterals(UnquoteCheck check) {
    String[] quotes = {"\"", "'", "`"};
    for (String quote : quotes) {
      check.add(quote);
      check.add(quote + quote);
      check.add(quote + quote + quote);
      for (char c = 0; c < 0x80; c++) {
        // Every ASCII character alone, and after a backslash, in every kind of quotes.
        check.add(quote + c + quote);
        check.add(quote + "\\" + c + quote);
        check.add(quote + c + c + quote);
      }
    }
    for (int b = 0; b < 256; b++) {
      check.add(String.format("\"\\x%02x\"", b));
      check.add(String.format("'\\x%02X'", b));
    }
    for (int octal = 0; octal < 512; octal++) {
      check.add(String.format("\"\\%03o\"", octal));
      check.add(String.format("'\\%03o'", octal));
    }
    for (int codePoint :
        new int[] {
          0,
          0x7F,
          0x80,
          0xFF,
          0x100,
          0xD7FF,
          0xD800,
          0xDBFF,
          0xDC00,
          0xDFFF,
          0xE000,
          0xFFFD,
          0xFFFF,
          0x10000,
          0x10FFFF,
          0x110000,
          0x7FFFFFFF,
          0x80000000,
          0xFFFFFFFF
        }) {
      if (codePoint >= 0 && codePoint <= 0xFFFF) {
        check.add(String.format("\"\\u%04x\"", codePoint));
        check.add(String.format("'\\u%04X'", codePoint));
      }
      check.add(String.format("\"\\U%08x\"", codePoint));
      check.add(String.format("'\\U%08X'", codePoint));
    }
    for (String literal :
        new String[] {
          "\"a\r\nb\"",
          "`a\r\nb`",
          "`\r`",
          "'\r'",
          "\"\\\r\"",
          "'\uD83D\uDE00'",
          "'\uD83D'",
          "'\uDE00'",
          "`\uD83D`",
          "\"\uD83D\"",
          "\"\uDE00\uD83D\"",
          "'\uFFFD'",
          "'ab'",
          "'\\x41\\x42'",
          "\"\"x",
          "``x",
          "''x",
          "\"a\" ",
          " \"a\"",
          "\"\\\"",
          "'\\'",
          "`\\`",
          "\"\\\\\"",
          "'\\\\'",
          "x",
          "\"\\u00e9\\xe9\"",
        }) {
      check.add(literal);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Encoding and running Go
  // ---------------------------------------------------------------------------------------------

  /**
   * The bytes Go sees for a Java literal: UTF-8, with an unpaired surrogate written in the
   * three-byte form that {@link GoQuote#unquote} documents as its reading of such a character.
   */
  private static byte[] generalisedUtf8(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      writeGeneralisedUtf8(out, codePoint);
      i += Character.charCount(codePoint);
    }
    return out.toByteArray();
  }

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

  /**
   * Runs {@code go run .} in {@code programDirectory} with {@code input} on stdin and returns its
   * stdout lines. Stdin and stderr go through files so that neither pipe can fill up and stall Go.
   */
  private static List<String> runGo(Path programDirectory, String input)
      throws IOException, InterruptedException {
    Path stdin = Files.createTempFile("gotrace-go-stdin", ".txt");
    Path stderr = Files.createTempFile("gotrace-go-stderr", ".txt");
    try {
      Files.writeString(stdin, input, UTF_8);
      ProcessBuilder builder =
          new ProcessBuilder("go", "run", ".")
              .directory(programDirectory.toFile())
              .redirectInput(stdin.toFile())
              .redirectError(stderr.toFile());
      // The answers must come from the installed toolchain, not one Go downloads on its own.
      builder.environment().put("GOTOOLCHAIN", "local");
      builder.environment().put("GOFLAGS", "");
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new AssertionError(
            "These tests compare with Go and need the Go toolchain, but `go` could not be"
                + " started (is it on PATH?): "
                + e.getMessage(),
            e);
      }
      byte[] stdout = process.getInputStream().readAllBytes();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(
            "go run . in " + programDirectory + " did not finish within 5 minutes");
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            "go run . in "
                + programDirectory
                + " exited with "
                + process.exitValue()
                + ":\n"
                + Files.readString(stderr, UTF_8));
      }
      return new String(stdout, UTF_8).lines().collect(Collectors.toList());
    } finally {
      Files.deleteIfExists(stdin);
      Files.deleteIfExists(stderr);
    }
  }

  /**
   * The repository root: Surefire passes it as {@code gotrace.repo.root}; when that is missing or
   * points elsewhere (a run from inside a module), walk up from the working directory.
   */
  private static Path repoRoot() {
    String configured = System.getProperty("gotrace.repo.root");
    if (configured != null && isRepoRoot(Paths.get(configured))) {
      return Paths.get(configured).toAbsolutePath();
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (isRepoRoot(dir)) {
        return dir;
      }
    }
    throw new AssertionError(
        "cannot find the gotrace repository root above " + Paths.get("").toAbsolutePath());
  }

  private static boolean isRepoRoot(Path dir) {
    return Files.isDirectory(dir.resolve("conformance/src/test/go/quotecheck"))
        && Files.isDirectory(dir.resolve("spec/src/main/go/isprint"));
  }
}
