package dev.gotrace.conformance.text;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.TextTraceReader;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.encoder.EncoderOptions;
import dev.gotrace.encoder.TextTraceWriter;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.encoder.VarintLayout;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.text.GoQuote;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.Trace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Go's raw text format both ways, byte for byte against Go's own code (the oracle's {@code
 * text2bytes-stream} and {@code bytes2text-stream}), where strings are not UTF-8:
 *
 * <ul>
 *   <li>text to bytes: seeded texts whose {@code data=} values are literals of every kind (double,
 *       back and single quotes, escapes, raw bytes that are not UTF-8, Unicode white space around
 *       them, some malformed), read by {@link TextTraceReader} with {@code BatchSizes.DECLARED}
 *       and written minimally, must be exactly Go's bytes, and rejected exactly when Go rejects
 *       them; declared sizes are random, often wrong, which Go keeps as written;
 *   <li>bytes to text: traces whose strings are not UTF-8, written by {@link TextTraceWriter},
 *       must be exactly Go's text, and reading Go's text back must give the trace's bytes.
 * </ul>
 *
 * <p>{@code -Dgotrace.text.texts=N} (default 4000), {@code -Dgotrace.text.traces=N} (default 1000)
 * and {@code -Dgotrace.text.seed=S} change the run.
 */
final class TextWithInvalidUtf8AgainstGoTest {
  private static final int TEXTS = Integer.getInteger("gotrace.text.texts", 4000);
  private static final int TRACES = Integer.getInteger("gotrace.text.traces", 1000);
  private static final long SEED = Long.getLong("gotrace.text.seed", 0);
  private static final HexFormat HEX = HexFormat.of();

  /** White space Go's strings.TrimSpace removes, as UTF-8, and some that it does not. */
  private static final String[] SPACES = {"", " ", "\t", "  ", "\u3000", "\u00a0", "\u0085",
      "\u2009", "\u200b", "\r"};

  @Test
  void textToBytes_isGosByteForByte() throws Exception {
    Random random = new Random(SEED);
    List<byte[]> texts = new ArrayList<>();
    for (int i = 0; i < TEXTS; i++) {
      texts.add(randomText(random));
    }

    List<FramedOracle.Answer> go = FramedOracle.run("text2bytes-stream", texts);

    int accepted = 0;
    int replaced = 0;
    int wrongSizes = 0;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      byte[] text = texts.get(i);
      String ours;
      try {
        Trace t = TextTraceReader.open(new ByteArrayInputStream(text), EventTable.FULL,
            TextTraceReader.BatchSizes.DECLARED).readRemaining();
        byte[] bytes = TraceWriter.encode(t,
            EncoderOptions.DEFAULTS.withLayout(VarintLayout.MINIMAL).withCheckLimits(false));
        ours = "OK " + HEX.formatHex(bytes);
        Batch b = (Batch) t.records().get(0);
        wrongSizes += b.declaredSize() != b.payloadLength() ? 1 : 0;
      } catch (IOException e) {
        ours = "FAIL " + e.getMessage();
      }
      FramedOracle.Answer answer = go.get(i);
      String theirs = answer.ok() ? "OK " + HEX.formatHex(answer.output()) : answer.verdict();
      boolean same = theirs.startsWith("OK ") ? theirs.equals(ours) : ours.startsWith("FAIL ");
      if (!same && problems.size() < 20) {
        problems.add("text " + FramedOracle.show(text) + "\n  Go:   " + theirs + "\n  ours: " + ours);
      } else if (!same) {
        problems.add("...");
      }
      if (answer.ok()) {
        accepted++;
        replaced += HEX.formatHex(answer.output()).contains("efbfbd") ? 1 : 0;
      }
    }
    System.out.printf("text2bytes vs Go: %d texts, %d accepted (%d with U+FFFD made of bytes"
        + " that are not UTF-8), %d with a wrong declared size; %d differ%n", texts.size(),
        accepted, replaced, wrongSizes, problems.size());

    assertWithMessage("texts where gotrace and Go disagree (of %s)", texts.size())
        .that(problems).isEmpty();
    // Both outcomes and the cases that matter occur often, or the comparison proves little.
    assertWithMessage("accepted texts").that(accepted).isAtLeast(texts.size() / 3);
    assertWithMessage("rejected texts").that(texts.size() - accepted).isAtLeast(texts.size() / 10);
    assertWithMessage("accepted texts with U+FFFD from invalid bytes")
        .that(replaced).isAtLeast(texts.size() / 10);
    assertWithMessage("texts with a wrong declared size").that(wrongSizes)
        .isAtLeast(texts.size() / 6);
  }

  @Test
  void bytesToText_isGosByteForByte_andReadsBack() throws Exception {
    Random random = new Random(SEED + 1);
    List<byte[]> traces = new ArrayList<>();
    TraceVersion[] versions = TraceVersion.values();
    for (int i = 0; i < TRACES; i++) {
      traces.add(TraceWriter.encode(randomTrace(random, versions[i % versions.length]),
          EncoderOptions.DEFAULTS.withLayout(VarintLayout.MINIMAL)));
    }

    List<FramedOracle.Answer> go = FramedOracle.run("bytes2text-stream", traces);

    List<String> problems = new ArrayList<>();
    for (int i = 0; i < traces.size() && problems.size() < 20; i++) {
      FramedOracle.Answer answer = go.get(i);
      byte[] trace = traces.get(i);
      if (!answer.ok()) {
        problems.add("trace " + HEX.formatHex(trace) + ": Go rejects it: " + answer.verdict());
        continue;
      }
      byte[] ours = TextTraceWriter.toText(TraceDecoder.decode(trace))
          .getBytes(UTF_8);
      if (!Arrays.equals(ours, answer.output())) {
        problems.add("trace " + HEX.formatHex(trace) + "\n  Go:   "
            + FramedOracle.show(answer.output()) + "\n  ours: " + FramedOracle.show(ours));
        continue;
      }
      byte[] back = TraceWriter.encode(TextTraceReader.read(answer.output()),
          EncoderOptions.DEFAULTS.withLayout(VarintLayout.MINIMAL));
      if (!Arrays.equals(back, trace)) {
        problems.add("trace " + HEX.formatHex(trace) + ": Go's text reads back as "
            + HEX.formatHex(back));
      }
    }

    assertWithMessage("traces where gotrace and Go disagree (of %s)", traces.size())
        .that(problems).isEmpty();
  }

  // --- Inputs -----------------------------------------------------------------------------------

  /** A trace of one strings batch whose strings are not UTF-8, in a random version. */
  private static Trace randomTrace(Random random, TraceVersion version) {
    Batch.Builder b = Batch.builder().generation(1).thread(-1L).time(0)
        .add(Event.of(EventType.STRINGS));
    int n = 1 + random.nextInt(6);
    for (int id = 1; id <= n; id++) {
      b.add(Event.string(id, NotUtf8Strings.next(random, 10)));
    }
    return Trace.of(version, List.of(b.build()));
  }

  /**
   * A text of one strings batch with one to three {@code data=} lines, and a declared size that
   * is right one time in four.
   */
  private static byte[] randomText(Random random) {
    TraceVersion[] versions = TraceVersion.values();
    TraceVersion v = versions[random.nextInt(versions.length)];
    int strings = 1 + random.nextInt(3);
    List<byte[]> literals = new ArrayList<>();
    for (int i = 0; i < strings; i++) {
      literals.add(randomLiteral(random));
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < strings; i++) {
      body.writeBytes(("String id=" + (i + 1) + "\n").getBytes(UTF_8));
      body.writeBytes(SPACES[random.nextInt(3)].getBytes(UTF_8));
      body.writeBytes("data".getBytes(UTF_8));
      body.writeBytes(space(random));
      body.write('=');
      body.writeBytes(space(random));
      body.writeBytes(literals.get(i));
      body.writeBytes(space(random));
      body.write('\n');
    }
    long size = random.nextInt(4) == 0 ? -1 : random.nextInt(300);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    text.writeBytes(("Trace Go1." + v.number() + "\nEventBatch gen=1 m=1 time=1 size="
        + (size < 0 ? "SIZE" : Long.toString(size)) + "\nStrings\n").getBytes(UTF_8));
    text.writeBytes(body.toByteArray());
    byte[] out = text.toByteArray();
    if (size < 0) {
      out = withRightSize(out, literals);
    }
    return out;
  }

  /** Replaces SIZE by the size the payload has if the literals unquote as Go unquotes them. */
  private static byte[] withRightSize(byte[] text, List<byte[]> literals) {
    long payload = 1;
    for (int i = 0; i < literals.size(); i++) {
      byte[] data;
      try {
        data = GoQuote.unquote(literals.get(i));
      } catch (GoQuote.SyntaxException e) {
        data = new byte[0];
      }
      payload += 1 + uvarintLength(i + 1) + uvarintLength(data.length) + data.length;
    }
    String s = new String(text, ISO_8859_1);
    return s.replaceFirst("SIZE", Long.toString(payload))
        .getBytes(ISO_8859_1);
  }

  private static int uvarintLength(long v) {
    int n = 1;
    while ((v >>>= 7) != 0) {
      n++;
    }
    return n;
  }

  private static byte[] space(Random random) {
    return random.nextInt(3) == 0 ? SPACES[random.nextInt(SPACES.length)].getBytes(UTF_8)
        : new byte[0];
  }

  /** A Go literal of any kind, mostly well formed, holding bytes that are not UTF-8. */
  private static byte[] randomLiteral(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int kind = random.nextInt(10);
    char quote = kind < 6 ? '"' : kind < 8 ? '`' : kind < 9 ? '\'' : "\"`'x".charAt(
        random.nextInt(4));
    out.write(quote);
    if (quote == '\'') {
      // One character, escape or byte; sometimes two.
      for (int k = random.nextInt(5) == 0 ? 2 : 1; k > 0; k--) {
        out.writeBytes(random.nextBoolean() ? escape(random) : piece(random));
      }
    } else {
      for (int k = random.nextInt(6); k >= 0; k--) {
        out.writeBytes(quote == '"' && random.nextInt(3) == 0 ? escape(random) : piece(random));
      }
    }
    if (random.nextInt(12) != 0) {
      out.write(quote == 'x' ? '"' : quote);
    }
    return out.toByteArray();
  }

  /** Raw bytes for inside a literal: no newline, and quotes and backslashes only now and then. */
  private static byte[] piece(Random random) {
    byte[] b = NotUtf8Strings.next(random, 3);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte c : b) {
      if (c == '\n' || (c == '"' || c == '\\' || c == '`' || c == '\'')
          && random.nextInt(4) != 0) {
        continue;
      }
      out.write(c);
    }
    return out.toByteArray();
  }

  private static final String[] ESCAPES = {"\\x41", "\\xff", "\\xE2\\x82", "\\377", "\\000",
      "\\n", "\\t", "\\\\", "\\\"", "\\'", "\\u00e9", "\\uFFFD", "\\ud800", "\\U0001F600",
      "\\U00110000", "\\q", "\\x4", "\\8", "\\a\\b\\f\\r\\v"};

  private static byte[] escape(Random random) {
    return ESCAPES[random.nextInt(ESCAPES.length)].getBytes(UTF_8);
  }
}
