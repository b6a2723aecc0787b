package dev.gotrace.encoder;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.EndOfGeneration;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.Frame;
import dev.gotrace.wire.HeaderWidths;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceEncodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceWriterTest {
  private static final HexFormat HEX = HexFormat.of();

  private static Trace oneBatch(TraceVersion v, Batch b) {
    return Trace.builder(v).add(b).build();
  }

  private static String hexAfterHeader(byte[] bytes) {
    return HEX.formatHex(Arrays.copyOfRange(bytes, 16, bytes.length));
  }

  @Test
  void writesMinimalVarintsForValuesBuiltByHand() throws Exception {
    Batch b = Batch.builder().generation(1).thread(5).time(110)
        .add(Event.of(EventType.PROC_STATUS, 1, 0, 1))
        .add(Event.of(EventType.GO_STATUS, 1, 1, 5, 2))
        .add(Event.of(EventType.GO_BLOCK, 3, 1, 1))
        .add(Event.of(EventType.PROC_STOP, 2))
        .build();
    byte[] bytes = TraceWriter.encode(oneBatch(TraceVersion.GO_1_26, b));
    assertThat(hexAfterHeader(bytes)).isEqualTo("0101056e0f" + "0d010001" + "1901010502"
        + "14030101" + "0b02");
  }

  @Test
  void paddedLayoutWritesTenByteSizesLikeTheRuntime() throws Exception {
    Batch b = Batch.builder().generation(1).thread(5).time(110)
        .add(Event.of(EventType.PROC_STOP, 2)).build();
    byte[] bytes = TraceWriter.encode(oneBatch(TraceVersion.GO_1_26, b),
        EncoderOptions.DEFAULTS.withLayout(VarintLayout.PADDED));
    assertThat(hexAfterHeader(bytes)).isEqualTo("01 01 05 6e 82 80 80 80 80 80 80 80 80 00 0b 02"
        .replace(" ", ""));
  }

  @Test
  void preserveKeepsRecordedWidthsAndMinimalDropsThem() throws Exception {
    Event padded = Event.builder(EventType.PROC_STOP).args(2).varintWidths(new byte[] {3}).build();
    Batch b = Batch.builder().generation(1).thread(5).time(110)
        .headerWidths(HeaderWidths.of(2, 0, 0, 10)).add(padded).build();
    Trace t = oneBatch(TraceVersion.GO_1_26, b);
    assertThat(hexAfterHeader(TraceWriter.encode(t)))
        .isEqualTo("01810005" + "6e" + "84808080808080808000" + "0b828000");
    assertThat(hexAfterHeader(TraceWriter.encode(t,
        EncoderOptions.DEFAULTS.withLayout(VarintLayout.MINIMAL)))).isEqualTo("0101056e020b02");
  }

  @Test
  void limitsAreEnforcedWithTheRecordAndEvent() {
    byte[] big = new byte[1025];
    Batch strings = Batch.builder().add(Event.of(EventType.STRINGS))
        .add(Event.string(1, big)).build();
    TraceEncodingException e = assertThrows(TraceEncodingException.class,
        () -> TraceWriter.encode(oneBatch(TraceVersion.GO_1_26, strings)));
    assertThat(e.recordIndex()).isEqualTo(0);
    assertThat(e.eventIndex()).isEqualTo(1);
    assertThat(e.found()).isEqualTo("1025 bytes");

    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < 129; i++) {
      frames.add(new Frame(i + 1, 1, 1, 1));
    }
    Batch stacks = Batch.builder().add(Event.of(EventType.STACKS)).add(Event.stack(1, frames))
        .build();
    e = assertThrows(TraceEncodingException.class,
        () -> TraceWriter.encode(oneBatch(TraceVersion.GO_1_26, stacks)));
    assertThat(e.problem()).contains("too many frames");

    Batch.Builder huge = Batch.builder().add(Event.of(EventType.STRINGS));
    for (int i = 1; i <= 70; i++) {
      huge.add(Event.string(i, new byte[1000]));
    }
    Batch tooBig = huge.build();
    e = assertThrows(TraceEncodingException.class,
        () -> TraceWriter.encode(oneBatch(TraceVersion.GO_1_26, tooBig)));
    assertThat(e.problem()).isEqualTo("batch payload too large");
    assertThat(e.eventIndex()).isEqualTo(-1);

    Trace endIn125 = Trace.builder(TraceVersion.GO_1_25).add(EndOfGeneration.INSTANCE).build();
    assertThrows(TraceEncodingException.class, () -> TraceWriter.encode(endIn125));

    // Limits off: broken traces on purpose.
    EncoderOptions unchecked = EncoderOptions.DEFAULTS.withCheckLimits(false);
    assertThat(assertDoesNotThrow(() -> TraceWriter.encode(oneBatch(TraceVersion.GO_1_26, tooBig),
        unchecked)).length).isGreaterThan(70_000);
  }

  @Test
  void sizeOverrideWritesAWrongSizeOnPurpose() throws Exception {
    Batch b = Batch.builder().generation(1).thread(5).time(1).sizeOverride(9L)
        .add(Event.of(EventType.PROC_STOP, 2)).build();
    assertThat(hexAfterHeader(TraceWriter.encode(oneBatch(TraceVersion.GO_1_26, b))))
        .isEqualTo("010105010" + "90b02");
  }

  @Test
  void experimentalBatches() throws Exception {
    Batch b = Batch.experimentalBuilder(1).generation(2).thread(3).time(4)
        .opaquePayload(new byte[] {1, 2}).build();
    assertThat(hexAfterHeader(TraceWriter.encode(oneBatch(TraceVersion.GO_1_23, b))))
        .isEqualTo("310102030402" + "0102");
    assertThrows(TraceEncodingException.class,
        () -> TraceWriter.encode(oneBatch(TraceVersion.GO_1_22, b)));
  }

  private static <T> T assertDoesNotThrow(ThrowingSupplier<T> s) {
    try {
      return s.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
