package dev.gotrace.conformance.text;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gotrace.encoder.EncoderOptions;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.fixtures.dsl.random.RandomSemanticTraces;
import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.SemanticReader;
import dev.gotrace.semantic.ValidationMode;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.Record;
import dev.gotrace.wire.Trace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What {@code dump --parsed} prints ({@link ParsedEvent#goBytes()} and a newline per event) is
 * byte for byte what {@code go tool trace -d=parsed} prints (the oracle's parsed-stream runs the
 * same {@code Event.String()}), on random valid traces whose strings were replaced by strings
 * that are not UTF-8: task types, region types, log texts, labels and reasons ({@code %q}), and
 * stack frames' function and file names ({@code %s}, raw bytes).
 *
 * <p>{@code -Dgotrace.text.parsedTraces=N} (default 160, four versions) and {@code
 * -Dgotrace.text.seed=S} change the run.
 */
final class ParsedTextWithInvalidUtf8AgainstGoTest {
  private static final int TRACES = Integer.getInteger("gotrace.text.parsedTraces", 160);
  private static final long SEED = Long.getLong("gotrace.text.seed", 0);

  @Test
  void parsedTextIsGosByteForByte() throws Exception {
    List<String> origins = new ArrayList<>();
    List<byte[]> traces = new ArrayList<>();
    TraceVersion[] versions = TraceVersion.values();
    for (int i = 0; i < TRACES; i++) {
      long seed = SEED + i;
      TraceVersion v = versions[i % versions.length];
      int events = 40 + (i * 53) % 400;
      Trace valid = RandomSemanticTraces.generate(seed, v, events).build();
      traces.add(TraceWriter.encode(withStringsNotUtf8(valid, new Random(seed)),
          EncoderOptions.DEFAULTS.withCheckLimits(false)));
      origins.add("RandomSemanticTraces.generate(" + seed + ", " + v + ", " + events
          + ") with its strings replaced (Random(" + seed + "))");
    }

    List<FramedOracle.Answer> go = FramedOracle.run("parsed-stream", traces);

    int framesNotUtf8 = 0;
    int escapesInQuotes = 0;
    int differingTextBefore = 0;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < traces.size(); i++) {
      FramedOracle.Answer answer = go.get(i);
      if (!answer.ok()) {
        problems.add(origins.get(i) + ": Go rejects it: " + answer.verdict());
        continue;
      }
      byte[] ours;
      byte[] asText;
      try {
        ByteArrayOutputStream exact = new ByteArrayOutputStream();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        SemanticReader r =
            SemanticReader.open(new ByteArrayInputStream(traces.get(i)), ValidationMode.PARSER);
        for (ParsedEvent e = r.next(); e != null; e = r.next()) {
          exact.write(e.goBytes());
          exact.write('\n');
          text.write((e + "\n").getBytes(UTF_8));
        }
        ours = exact.toByteArray();
        asText = text.toByteArray();
      } catch (IOException e) {
        problems.add(origins.get(i) + ": gotrace rejects it: " + e.getMessage());
        continue;
      }
      if (!Arrays.equals(ours, answer.output())) {
        problems.add(origins.get(i) + ": " + firstDifference(answer.output(), ours));
      }
      if (!Arrays.equals(asText, answer.output())) {
        differingTextBefore++;
      }
      String latin1 = new String(answer.output(), ISO_8859_1);
      framesNotUtf8 += !new String(answer.output(), UTF_8).equals(latin1)
          && hasInvalidFrameName(answer.output()) ? 1 : 0;
      escapesInQuotes += latin1.contains("\\x") ? 1 : 0;
    }

    System.out.printf("parsed text vs Go: %d traces, %d differ; %d with a frame name that is not"
        + " UTF-8 (printing toString() differs from Go on %d), %d with a %%q escape%n",
        traces.size(), problems.size(), framesNotUtf8, differingTextBefore, escapesInQuotes);
    assertWithMessage("traces where our parsed text differs from Go's (of %s)", traces.size())
        .that(problems).isEmpty();
    // The inputs reach both verbs; otherwise the comparison above proves little.
    assertWithMessage("traces with a stack frame name that is not UTF-8")
        .that(framesNotUtf8).isAtLeast(traces.size() / 4);
    assertWithMessage("traces with a %%q escape of a byte that is not UTF-8")
        .that(escapesInQuotes).isAtLeast(traces.size() / 2);
    // ParsedEvent.toString() is text, so it cannot hold those bytes: printing it (what dump
    // --parsed did) differs from Go on every such trace.
    assertWithMessage("traces where printing toString() differs from Go")
        .that(differingTextBefore).isEqualTo(framesNotUtf8);
  }

  /** Whether a frame line ("\tFUNC @ 0x..." or "\t\tFILE:LINE") holds bytes that are not UTF-8. */
  private static boolean hasInvalidFrameName(byte[] parsed) {
    int start = 0;
    for (int i = 0; i <= parsed.length; i++) {
      if (i == parsed.length || parsed[i] == '\n') {
        byte[] line = Arrays.copyOfRange(parsed, start, i);
        if (line.length > 0 && line[0] == '\t'
            && !Arrays.equals(new String(line, UTF_8).getBytes(UTF_8), line)) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  /**
   * Every string's data replaced by a string that holds bytes that are not UTF-8; equal strings
   * get equal replacements, since Go matches some of them by value (a region's end and its begin
   * name the same type through different ids).
   */
  private static Trace withStringsNotUtf8(Trace trace, Random random) {
    Map<String, byte[]> replacements = new HashMap<>();
    List<Record> records = new ArrayList<>();
    for (Record r : trace.records()) {
      if (r instanceof Batch b && !b.isOpaque()
          && b.events().stream().anyMatch(e -> e.type() == EventType.STRING)) {
        Batch.Builder nb = Batch.builder().generation(b.generation()).thread(b.thread())
            .time(b.time());
        for (Event e : b.events()) {
          nb.add(e.type() == EventType.STRING
              ? Event.string(e.arg(0), replacements.computeIfAbsent(
                  new String(e.data(), ISO_8859_1),
                  k -> NotUtf8Strings.next(random, 8)))
              : e);
        }
        records.add(nb.build());
      } else {
        records.add(r);
      }
    }
    return Trace.of(trace.version(), records);
  }

  private static String firstDifference(byte[] go, byte[] ours) {
    int i = 0;
    while (i < go.length && i < ours.length && go[i] == ours[i]) {
      i++;
    }
    int from = Math.max(0, i - 60);
    return "first difference at byte " + i + ": Go ..."
        + FramedOracle.show(Arrays.copyOfRange(go, from, Math.min(go.length, i + 60)))
        + "... ours ..."
        + FramedOracle.show(Arrays.copyOfRange(ours, from, Math.min(ours.length, i + 60)))
        + "...";
  }
}
