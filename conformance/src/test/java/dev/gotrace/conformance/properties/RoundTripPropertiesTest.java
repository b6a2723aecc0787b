package dev.gotrace.conformance.properties;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.TextTraceReader;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.encoder.EncoderOptions;
import dev.gotrace.encoder.TextTraceWriter;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.encoder.VarintLayout;
import dev.gotrace.fixtures.PropertyCheck;
import dev.gotrace.fixtures.RandomWireTraces;
import dev.gotrace.wire.Batch;
import dev.gotrace.fixtures.WireRules;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceFormatException;
import dev.gotrace.wire.TraceTextException;
import java.io.StringReader;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Round trips between the model, bytes and Go's raw text format, over random wire-valid traces of
 * every version, both table policies and both varint styles.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RoundTripPropertiesTest {
  /** Medium traces, 1 to 3 generations, a 64 KiB batch now and then. */
  static final LongFunction<RandomWireTraces.Config> CONFIGS = seed ->
      RandomWireTraces.Config.builder()
          .targetEvents(120)
          .generations(1 + (int) Math.floorMod(seed >> 4, 3L))
          .largeBatchChance(0.01)
          .build()
          .variedBy(seed);

  private static final EncoderOptions MINIMAL =
      EncoderOptions.DEFAULTS.withLayout(VarintLayout.MINIMAL);
  private static final EncoderOptions PADDED =
      EncoderOptions.DEFAULTS.withLayout(VarintLayout.PADDED);

  @Test
  void modelToBytesToModel_isIdentity() {
    PropertyLog.print(PropertyCheck.forAllTraces("decode(encode(t)) == t").configs(CONFIGS)
        .check((trace, config) -> {
          byte[] bytes = TraceWriter.encode(trace);
          assertThat(TraceDecoder.decode(bytes, config.eventTable())).isEqualTo(trace);
          if (config.eventTable() == EventTable.VERSION_PREFIX) {
            assertThat(TraceDecoder.decode(bytes, EventTable.FULL)).isEqualTo(trace);
          } else {
            // The version-prefix table refuses exactly the traces with events outside it.
            boolean inPrefix = WireRules.isValid(trace, EventTable.VERSION_PREFIX);
            try {
              assertThat(TraceDecoder.decode(bytes, EventTable.VERSION_PREFIX)).isEqualTo(trace);
              assertWithMessage("decodes under VERSION_PREFIX").that(inPrefix).isTrue();
            } catch (TraceFormatException e) {
              assertWithMessage("refused under VERSION_PREFIX: %s", e).that(inPrefix).isFalse();
              assertThat(e.problem()).startsWith("event type not in the go 1.");
            }
          }
        }));
  }

  @Test
  void bytesToModelToBytes_isIdentity() {
    PropertyLog.print(PropertyCheck.forAllTraces("encode(decode(b)) == b").configs(CONFIGS)
        .check((trace, config) -> {
          byte[] bytes = TraceWriter.encode(trace);
          Trace decoded = TraceDecoder.decode(bytes, config.eventTable());
          assertThat(TraceWriter.encode(decoded)).isEqualTo(bytes);
          // The streaming writer, record by record, writes the same bytes.
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          TraceWriter.write(decoded, out, EncoderOptions.DEFAULTS);
          assertThat(out.toByteArray()).isEqualTo(bytes);
        }));
  }

  @Test
  void textToBytesToText_isIdentity() {
    // Smaller traces: text spends four characters on most bytes of string data.
    LongFunction<RandomWireTraces.Config> configs = seed ->
        CONFIGS.apply(seed).toBuilder().targetEvents(60).build();
    PropertyLog.print(PropertyCheck.forAllTraces("text(decode(encode(read(text)))) == text").configs(configs)
        .check((trace, config) -> {
          String text = TextTraceWriter.toText(trace);
          Trace read = TextTraceReader.read(text);
          // Text has no varint widths (except inside experimental payloads, which are bytes).
          assertThat(read).isEqualTo(TraceModels.asText(trace));
          boolean inPrefix = WireRules.isValid(trace, EventTable.VERSION_PREFIX);
          try {
            TextTraceReader r = TextTraceReader.open(new StringReader(text),
                EventTable.VERSION_PREFIX);
            while (r.next() != null) {
              // read it all
            }
            assertWithMessage("text reads under VERSION_PREFIX").that(inPrefix).isTrue();
          } catch (TraceTextException e) {
            assertWithMessage("text refused under VERSION_PREFIX: %s", e).that(inPrefix).isFalse();
          }
          String again = TextTraceWriter.toText(
              TraceDecoder.decode(TraceWriter.encode(read), config.eventTable()));
          // A padded trace's text states the padded payload sizes, which text cannot carry: the
          // reader recomputes them, so only the text of what was read is a fixpoint.
          assertThat(again).isEqualTo(config.paddedVarints() ? TextTraceWriter.toText(read) : text);
        }));
  }

  @Test
  void minimalLayout_equalsTheEncodingOfTheTraceWithoutWidths() {
    PropertyLog.print(PropertyCheck.forAllTraces("encode(t, MINIMAL) == encode(minimal(t))").configs(CONFIGS)
        .check((trace, config) -> {
          byte[] minimal = TraceWriter.encode(trace, MINIMAL);
          Trace stripped = TraceModels.minimal(trace);
          assertThat(minimal).isEqualTo(TraceWriter.encode(stripped));
          assertThat(TraceDecoder.decode(minimal, config.eventTable())).isEqualTo(stripped);
          if (!config.paddedVarints()) {
            assertThat(minimal).isEqualTo(TraceWriter.encode(trace));
          }
        }));
  }

  @Test
  void paddedLayout_decodesToTheSameValues() {
    PropertyLog.print(PropertyCheck.forAllTraces("decode(encode(t, PADDED)) == padded(t)").configs(CONFIGS)
        .check((trace, config) -> {
          byte[] padded = TraceWriter.encode(trace, PADDED);
          Trace decoded = TraceDecoder.decode(padded, config.eventTable());
          assertThat(decoded).isEqualTo(TraceModels.padded(trace));
          assertThat(TraceModels.minimal(decoded)).isEqualTo(TraceModels.minimal(trace));
          for (Batch b : decoded.batches()) {
            assertWithMessage("size width of %s", b).that(b.headerWidths().stated(3))
                .isEqualTo(10);
          }
          // Padding the padded bytes again changes nothing.
          assertThat(TraceWriter.encode(decoded, PADDED)).isEqualTo(padded);
          assertThat(TraceWriter.encode(decoded)).isEqualTo(padded);
        }));
  }
}
