package dev.gotrace.conformance.properties;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.gotrace.decoder.TextTraceReader;
import dev.gotrace.encoder.TextTraceWriter;
import dev.gotrace.fixtures.PropertyCheck;
import dev.gotrace.fixtures.RandomWireTraces;
import dev.gotrace.wire.TraceTextException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Broken text is reported, never crashes the text reader: the text of small random traces cut
 * at every character, with each character replaced or deleted, and with lines dropped,
 * repeated or swapped, either reads or throws exactly {@link TraceTextException} whose line and
 * column point into the text (line 1 .. the number of lines, column 1 .. the line's length + 1).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TextCorruptionPropertiesTest {
  /** Tiny traces: the text is read once per character. */
  static final LongFunction<RandomWireTraces.Config> TINY = seed ->
      RandomWireTraces.Config.builder()
          .targetEvents((int) Math.floorMod(seed * 5, 9L))
          .generations(1 + (int) Math.floorMod(seed >> 4, 2L))
          .maxStringLength(6)
          .maxStackFrames(2)
          .largeBatchChance(0)
          .build()
          .variedBy(seed);

  /** Characters that mean something to the text format, and a few that look like space. */
  private static final char[] REPLACEMENTS = {' ', '=', '\n', '\r', '#', '"', '\\', 'x', '9',
      '0', '-', 'G', '\t', '\u00a0', '\u2028', '\u00e9', '\u0000', '\ud800'};

  @Test
  void truncatedText_readsOrReportsAPositionInTheText() {
    PropertyLog.print(PropertyCheck.forAllTraces("text truncated at every character")
        .configs(TINY)
        .check((trace, config) -> {
          String text = TextTraceWriter.toText(trace);
          for (int cut = 0; cut <= text.length(); cut++) {
            checkRead(text.substring(0, cut), "cut at " + cut);
          }
        }));
  }

  @Test
  void everyCharacterChanged_readsOrReportsAPositionInTheText() {
    PropertyLog.print(PropertyCheck.forAllTraces("every text character changed")
        .configs(TINY)
        .check((trace, config) -> {
          String text = TextTraceWriter.toText(trace);
          Random random = new Random(text.hashCode());
          StringBuilder s = new StringBuilder(text);
          for (int i = 0; i < text.length(); i++) {
            if (insideQuotedData(text, i)) {
              continue; // see everyDataCharacterChanged_... below
            }
            // One change per character, so the text is read about once per character: a
            // replacement, or (every third character) a deletion.
            if (i % 3 == 2) {
              checkRead(text.substring(0, i) + text.substring(i + 1), "char " + i + " deleted");
              continue;
            }
            char c = REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
            s.setCharAt(i, c);
            checkRead(s.toString(), "char " + i + " set to U+" + Integer.toHexString(c));
            s.setCharAt(i, text.charAt(i));
          }
        }));
  }

  @Test
  void linesDroppedRepeatedOrSwapped_readOrReportAPositionInTheText() {
    PropertyLog.print(PropertyCheck.forAllTraces("text lines dropped, repeated, swapped")
        .configs(TINY)
        .check((trace, config) -> {
          String text = TextTraceWriter.toText(trace);
          List<String> lines = List.of(text.split("\n", -1));
          for (int i = 0; i < lines.size(); i++) {
            List<String> dropped = new ArrayList<>(lines);
            dropped.remove(i);
            checkRead(String.join("\n", dropped), "line " + (i + 1) + " dropped");
            List<String> repeated = new ArrayList<>(lines);
            repeated.add(i, lines.get(i));
            checkRead(String.join("\n", repeated), "line " + (i + 1) + " repeated");
            if (i + 1 < lines.size()) {
              List<String> swapped = new ArrayList<>(lines);
              swapped.set(i, lines.get(i + 1));
              swapped.set(i + 1, lines.get(i));
              checkRead(String.join("\n", swapped), "lines " + (i + 1) + " and " + (i + 2)
                  + " swapped");
            }
          }
        }));
  }

  @Test
  void everyDataCharacterChanged_readsOrReportsAPositionInTheText() {
    PropertyLog.print(PropertyCheck.forAllTraces("every quoted data character changed")
        .configs(TINY)
        .check((trace, config) -> {
          String text = TextTraceWriter.toText(trace);
          Random random = new Random(text.hashCode());
          StringBuilder s = new StringBuilder(text);
          for (int i = 0; i < text.length(); i++) {
            if (!insideQuotedData(text, i)) {
              continue;
            }
            for (char c : new char[] {'"', '\\', 'x', 'Z',
                REPLACEMENTS[random.nextInt(REPLACEMENTS.length)]}) {
              s.setCharAt(i, c);
              checkRead(s.toString(), "char " + i + " set to U+" + Integer.toHexString(c));
            }
            s.setCharAt(i, text.charAt(i));
            checkRead(text.substring(0, i) + text.substring(i + 1), "char " + i + " deleted");
          }
        }));
  }

  /** Whether {@code i} is inside the quotes of a {@code data="..."} line. */
  static boolean insideQuotedData(String text, int i) {
    int start = text.lastIndexOf('\n', i - 1) + 1;
    int end = text.indexOf('\n', i);
    String line = text.substring(start, end < 0 ? text.length() : end);
    int open = line.indexOf("data=\"");
    return open >= 0 && i - start > open + 5 && i - start < line.length() - 1;
  }

  /** Reads {@code text}: fine, or a TraceTextException pointing into it; nothing else. */
  static void checkRead(String text, String what) {
    try {
      TextTraceReader.read(text);
    } catch (TraceTextException e) {
      String[] lines = text.split("\n", -1);
      assertWithMessage("%s: line of \"%s\"", what, e.getMessage()).that(e.line()).isAtLeast(1);
      assertWithMessage("%s: line of \"%s\" in %s lines", what, e.getMessage(), lines.length)
          .that(e.line()).isAtMost(lines.length);
      String line = lines[e.line() - 1];
      assertWithMessage("%s: column of \"%s\" on line \"%s\"", what, e.getMessage(), line)
          .that(e.column()).isAtLeast(1);
      assertWithMessage("%s: column of \"%s\" on line \"%s\"", what, e.getMessage(), line)
          .that(e.column()).isAtMost(line.length() + 1);
    }
  }
}
