package dev.gotrace.conformance.fuzz;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.common.collect.Range;
import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.TextTraceReader;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.encoder.TextTraceWriter;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.semantic.EventKind;
import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.SemanticReader;
import dev.gotrace.semantic.TraceValidationException;
import dev.gotrace.semantic.ValidationMode;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceFormatException;
import dev.gotrace.wire.TraceTextException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzz targets for the decoders (Jazzer). In a normal build each target runs on
 * its seed inputs (under {@code src/test/resources/.../DecoderFuzzTestInputs/}) as a regression
 * test; {@code JAZZER_FUZZ=1 mvn -pl conformance -am test -Dtest=DecoderFuzzTest#binary} fuzzes
 * for real (see docs/FUZZING.md).
 *
 * <p>The properties: whatever the bytes, a reader either decodes or throws its one typed
 * exception, with a position inside the input; and whatever decodes is written back exactly
 * (binary) or reads back to the same trace (text).
 */
class DecoderFuzzTest {
  @FuzzTest(maxDuration = "3m")
  void binary(byte[] input) throws Exception {
    for (EventTable table : EventTable.values()) {
      Trace t;
      try {
        t = TraceDecoder.decode(input, table);
      } catch (TraceFormatException e) {
        assertWithMessage(e.getMessage()).that(e.offset()).isAtMost((long) input.length);
        assertThat(e.offset()).isAtLeast(0L);
        continue;
      }
      assertThat(TraceWriter.encode(t)).isEqualTo(input);
    }
  }

  @FuzzTest(maxDuration = "3m")
  void semantic(byte[] input) throws Exception {
    for (ValidationMode mode : ValidationMode.values()) {
      ParsedEvent last = null;
      try {
        SemanticReader r = SemanticReader.open(new ByteArrayInputStream(input), mode);
        for (ParsedEvent e = r.next(); e != null; e = r.next()) {
          last = e;
        }
      } catch (TraceValidationException e) {
        // A validation problem says where, inside the input, and what Go says.
        assertWithMessage(e.getMessage()).that(e.offset()).isIn(Range.closed(0L,
            (long) input.length));
        assertWithMessage(e.getMessage()).that(e.getMessage())
            .startsWith(e.position().toString().replaceFirst("\\)$", ""));
        assertWithMessage(e.getMessage()).that(e.goMessage()).isNotEmpty();
        continue;
      }
      // Go's reader ends every trace it accepts with a Sync.
      assertWithMessage("last event of an accepted trace (%s)", mode).that(last).isNotNull();
      assertWithMessage("last event of an accepted trace (%s)", mode).that(last.kind())
          .isEqualTo(EventKind.SYNC);
    }
  }

  @FuzzTest(maxDuration = "3m")
  void text(byte[] input) throws Exception {
    String text = new String(input, StandardCharsets.UTF_8);
    Trace t;
    try {
      t = TextTraceReader.read(text);
    } catch (TraceTextException e) {
      assertThat(e.line()).isAtLeast(1);
      assertThat(e.column()).isAtLeast(1);
      return;
    }
    String again = TextTraceWriter.toText(t);
    assertThat(TextTraceReader.read(again)).isEqualTo(t);
    assertThat(TextTraceWriter.toText(TraceDecoder.decode(TraceWriter.encode(t)))).isEqualTo(again);
  }
}
