package dev.gotrace.decoder;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.BatchKind;
import dev.gotrace.wire.EndOfGeneration;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceFormatException;
import org.junit.jupiter.api.Test;

class WireReaderTest {
  private static final TraceVersion V26 = TraceVersion.GO_1_26;

  @Test
  void readsAMinimalTraceWithEveryFieldExposed() throws Exception {
    byte[] in = Bytes.header(V26)
        .batch(5, 100, 8).raw(13).uv(1, 0, 1).raw(16).uv(2, 1, 1)
        .raw(0x34).bytes();
    WireReader r = WireReader.open(in);
    assertThat(r.version()).isEqualTo(V26);
    assertThat(r.nextRecord()).isTrue();
    assertThat(r.recordType()).isEqualTo(EventType.EVENT_BATCH);
    assertThat(r.recordOffset()).isEqualTo(16);
    assertThat(r.thread()).isEqualTo(5);
    assertThat(r.batchTime()).isEqualTo(100);
    assertThat(r.payloadSize()).isEqualTo(8);
    assertThat(r.batchKind()).isEqualTo(BatchKind.EVENTS);
    assertThat(r.nextEvent()).isTrue();
    assertThat(r.eventType()).isEqualTo(EventType.PROC_STATUS);
    assertThat(r.eventOffset()).isEqualTo(21);
    assertThat(r.arg(2)).isEqualTo(1);
    assertThat(r.nextEvent()).isTrue();
    assertThat(r.eventType()).isEqualTo(EventType.GO_START);
    assertThat(r.nextEvent()).isFalse();
    assertThat(r.nextRecord()).isTrue();
    assertThat(r.recordType()).isEqualTo(EventType.END_OF_GENERATION);
    assertThat(r.nextEvent()).isFalse();
    assertThat(r.nextRecord()).isFalse();
  }

  @Test
  void acceptsPaddedVarintsAndRemembersTheirWidths() throws Exception {
    // The runtime pads the size to ten bytes; here an argument is padded too.
    byte[] in = Bytes.header(V26).raw(1).uv(1, 5, 100).padded(6, 10)
        .raw(16).padded(2, 3).uv(1, 1).bytes();
    Trace t = TraceDecoder.decode(in);
    Batch b = (Batch) t.records().get(0);
    assertThat(b.headerWidths().stated(3)).isEqualTo(10);
    Event e = b.events().get(0);
    assertThat(e.arg("dt")).isEqualTo(2);
    assertThat(e.varintWidth(0)).isEqualTo(3);
    assertThat(e.isMinimal()).isFalse();
  }

  @Test
  void tenByteVarintsWithATenthByteAboveOneOverflow() {
    byte[] in = Bytes.header(V26).raw(1).uv(1, 5, 100, 11)
        .raw(16).raw(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02).uv(1).bytes();
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(in));
    assertThat(e.offset()).isEqualTo(16 + 5 + 1);
    assertThat(e.problem()).contains("overflows");
    assertThat(e.position().eventType()).isEqualTo(EventType.GO_START);
    assertThat(e.position().eventIndex()).isEqualTo(0);
  }

  @Test
  void tenByteAllOnesIsTwoToTheSixtyFourMinusOne() throws Exception {
    byte[] in = Bytes.header(V26).raw(1).uv(1).padded(-1L, 10).uv(0, 0).bytes();
    Batch b = (Batch) TraceDecoder.decode(in).records().get(0);
    assertThat(b.thread()).isEqualTo(-1L);
  }

  @Test
  void batchSizeOverTheLimitIsRejectedBeforeReading() {
    byte[] in = Bytes.header(V26).raw(1).uv(1, 5, 100, 65537).bytes();
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(in));
    assertThat(e.offset()).isEqualTo(16 + 4);
    assertThat(e.expected()).contains("65536");
    assertThat(e.found()).isEqualTo("65537");
  }

  @Test
  void truncatedPayloadReportsTheEndOfInput() {
    byte[] in = Bytes.header(V26).batch(5, 100, 10).raw(16, 1).bytes();
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(in));
    assertThat(e.offset()).isEqualTo(in.length);
    assertThat(e.found()).contains("2 bytes");
  }

  @Test
  void eventsMustEndExactlyAtThePayloadEnd() {
    // GoStart needs three varints; the payload holds two.
    byte[] in = Bytes.header(V26).batch(5, 100, 3).raw(16).uv(1, 1).bytes();
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(in));
    assertThat(e.offset()).isEqualTo(in.length);
    assertThat(e.problem()).contains("past the end of its batch");
    assertThat(e.expected()).contains("g_seq");
  }

  @Test
  void stringLengthAndFrameCountLimits() {
    byte[] longString = Bytes.header(V26).batch(-1, 0, 5).raw(4, 5).uv(1, 1025).bytes();
    TraceFormatException e =
        assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(longString));
    assertThat(e.found()).isEqualTo("1025");
    // The header's m of 2^64-1 takes ten bytes: 1 + 1 + 10 + 1 + 1.
    assertThat(e.offset()).isEqualTo(16 + 14 + 3);

    byte[] bigStack = Bytes.header(V26).batch(-1, 0, 5).raw(2, 3).uv(1, 129).bytes();
    e = assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(bigStack));
    assertThat(e.found()).isEqualTo("129");
  }

  @Test
  void theFirstByteDecidesWhatABatchMayHold() {
    byte[] goStartInStrings = Bytes.header(V26).batch(-1, 0, 5).raw(4, 16).uv(1, 1, 1).bytes();
    TraceFormatException e =
        assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(goStartInStrings));
    assertThat(e.expected()).contains("String in a STRINGS batch");
    assertThat(e.found()).isEqualTo("GoStart (16)");
    assertThat(e.offset()).isEqualTo(16 + 14 + 1);

    byte[] untimedFirst = Bytes.header(V26).batch(5, 0, 2).raw(8, 1).bytes();
    e = assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(untimedFirst));
    assertThat(e.found()).isEqualTo("Frequency (8)");

    for (int bad : new int[] {0, 53, 127, 137, 255}) {
      byte[] unknown = Bytes.header(V26).batch(5, 0, 1).raw(bad).bytes();
      e = assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(unknown));
      assertThat(e.found()).contains("byte " + bad);
    }
  }

  @Test
  void syncBatchesFollowTheVersion() throws Exception {
    byte[] lone = Bytes.header(TraceVersion.GO_1_22).batch(-1, 0, 5).raw(8).uv(15625000).bytes();
    Batch b = (Batch) TraceDecoder.decode(lone).records().get(0);
    assertThat(b.kind(TraceVersion.GO_1_22)).isEqualTo(BatchKind.SYNC);

    // Before 1.25 a sync batch holds only Frequency.
    byte[] withSnapshot = Bytes.header(TraceVersion.GO_1_23).batch(-1, 0, 7)
        .raw(8).uv(1).raw(51).uv(1, 2, 3, 4).bytes();
    assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(withSnapshot));

    byte[] sync25 = Bytes.header(TraceVersion.GO_1_25).batch(-1, 0, 8)
        .raw(50, 8).uv(1).raw(51).uv(1, 2, 3, 4).bytes();
    b = (Batch) TraceDecoder.decode(sync25).records().get(0);
    assertThat(b.kind(TraceVersion.GO_1_25)).isEqualTo(BatchKind.SYNC);
    assertThat(b.events()).hasSize(3);

    // From 1.25 a lone Frequency is not a sync batch but a thread batch, which it cannot start.
    byte[] lone25 = Bytes.header(TraceVersion.GO_1_25).batch(-1, 0, 2).raw(8, 1).bytes();
    assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(lone25));
  }

  @Test
  void endOfGenerationExistsOnlyFromGo126() throws Exception {
    byte[] v25 = Bytes.header(TraceVersion.GO_1_25).raw(0x34).bytes();
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(v25));
    assertThat(e.offset()).isEqualTo(16);
    assertThat(e.found()).isEqualTo("EndOfGeneration (52)");
    assertThat(TraceDecoder.decode(Bytes.header(V26).raw(0x34).bytes()).records())
        .containsExactly(EndOfGeneration.INSTANCE);
  }

  @Test
  void experimentalBatches() throws Exception {
    byte[] in = Bytes.header(TraceVersion.GO_1_23).raw(49, 1).uv(1, 7, 9, 3).raw(0, 1, 2).bytes();
    Batch b = (Batch) TraceDecoder.decode(in).records().get(0);
    assertThat(b.isOpaque()).isTrue();
    assertThat(b.experiment()).isEqualTo(1);
    assertThat(b.opaquePayload()).isEqualTo(new byte[] {0, 1, 2});

    // Experiment 0 is an ordinary batch behind an experimental header.
    byte[] zero = Bytes.header(TraceVersion.GO_1_23).raw(49, 0).uv(1, 7, 9, 4)
        .raw(16).uv(1, 1, 1).bytes();
    b = (Batch) TraceDecoder.decode(zero).records().get(0);
    assertThat(b.isOpaque()).isFalse();
    assertThat(b.events()).containsExactly(Event.of(EventType.GO_START, 1, 1, 1));

    byte[] in22 = Bytes.header(TraceVersion.GO_1_22).raw(49, 1).uv(1, 7, 9, 0).bytes();
    assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(in22));
  }

  @Test
  void allocFreeEventsFollowTheTablePolicy() throws Exception {
    byte[] in = Bytes.header(TraceVersion.GO_1_23).batch(5, 0, 4).raw(130).uv(1, 2, 3).bytes();
    byte[] in2 = Bytes.header(TraceVersion.GO_1_23).batch(5, 0, 3).raw(130).uv(1, 2).bytes();
    assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(in));
    assertThat(TraceDecoder.decode(in2).eventCount()).isEqualTo(1);
    TraceFormatException e = assertThrows(TraceFormatException.class,
        () -> TraceDecoder.decode(in2, EventTable.VERSION_PREFIX));
    assertThat(e.problem()).contains("not in the go 1.23 table");
  }

  @Test
  void headerProblemsAreTyped() {
    assertHeaderError(new byte[0], 0);
    assertHeaderError(Bytes.empty().ascii("go 1.26 trac").bytes(), 12);
    assertHeaderError(Bytes.empty().ascii("go 1.26 trace\0\0").bytes(), 15);
    assertHeaderError(Bytes.empty().ascii("GO 1.26 trace\0\0\0").bytes(), 0);
    assertHeaderError(Bytes.empty().ascii("go 1.x trace\0\0\0").bytes(), 5);
    // Go's Fscanf reads "026" as 26; only the canonical spelling round-trips, so we refuse it.
    assertHeaderError(Bytes.empty().ascii("go 1.026 trace\0\0\0").bytes(), 5);
    for (String v : new String[] {"21", "24", "27", "11", "5"}) {
      TraceFormatException e = assertThrows(TraceFormatException.class,
          () -> WireReader.open(Bytes.empty().ascii("go 1." + v + " trace\0\0\0").bytes()));
      assertThat(e.problem()).contains("unsupported");
      assertThat(e.found()).contains("go 1." + v);
    }
  }

  private static void assertHeaderError(byte[] in, long offset) {
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> WireReader.open(in));
    assertThat(e.offset()).isEqualTo(offset);
    assertThat(e.problem()).isEqualTo("not a Go execution trace");
  }

  @Test
  void notARecordType() {
    byte[] in = Bytes.header(V26).raw(16).bytes();
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(in));
    assertThat(e.offset()).isEqualTo(16);
    assertThat(e.expected()).contains("EventBatch (1)");
    assertThat(e.found()).isEqualTo("GoStart (16)");
    assertThat(e.getMessage()).startsWith("offset 16 (record 0): not a record type");
  }

  @Test
  void largeBatchesAcrossBufferRefills() throws Exception {
    // Many maximal batches force the reader to compact and refill its buffer mid-record.
    Bytes b = Bytes.header(V26);
    int strings = 0;
    for (int batch = 0; batch < 5; batch++) {
      Bytes payload = Bytes.empty().raw(4);
      while (payload.length() + 1030 <= 65536) {
        payload.raw(5).uv(++strings, 1024);
        for (int i = 0; i < 1024; i++) {
          payload.raw(i & 0x7F);
        }
      }
      b.raw(1).uv(1, -1L, 0, payload.length()).raw(toInts(payload.bytes()));
    }
    byte[] in = b.bytes();
    Trace t = TraceDecoder.decode(new java.io.ByteArrayInputStream(in));
    assertThat(t.eventCount()).isEqualTo(strings + 5);
  }

  private static int[] toInts(byte[] bytes) {
    int[] out = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[i] & 0xFF;
    }
    return out;
  }
}
