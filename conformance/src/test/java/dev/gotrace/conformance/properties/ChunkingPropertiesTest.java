package dev.gotrace.conformance.properties;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.RecordReader;
import dev.gotrace.decoder.TextTraceReader;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.decoder.WireReader;
import dev.gotrace.encoder.TextTraceWriter;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.fixtures.PropertyCheck;
import dev.gotrace.fixtures.RandomWireTraces;
import dev.gotrace.wire.BatchKind;
import dev.gotrace.wire.Record;
import dev.gotrace.wire.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every reader gives the same result whether its input arrives whole, one byte (or char) at a
 * time, or in odd chunks: a buffer refill may never split a varint, a header or a string wrongly.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ChunkingPropertiesTest {
  static final LongFunction<RandomWireTraces.Config> CONFIGS = seed ->
      RandomWireTraces.Config.builder()
          .targetEvents(80)
          .generations(1 + (int) Math.floorMod(seed >> 4, 2L))
          .largeBatchChance(0.01)
          .build()
          .variedBy(seed);

  /** Chunkings, by name: one byte, small primes, a page less three, mixed, random. */
  private static List<Chunking> chunkings(Trace trace) {
    long seed = trace.hashCode();
    return List.of(
        new Chunking("1", b -> ChunkedInputStream.cycling(b, 1), s -> ChunkedReader.cycling(s, 1)),
        new Chunking("3", b -> ChunkedInputStream.cycling(b, 3), s -> ChunkedReader.cycling(s, 3)),
        new Chunking("7", b -> ChunkedInputStream.cycling(b, 7), s -> ChunkedReader.cycling(s, 7)),
        new Chunking("4093", b -> ChunkedInputStream.cycling(b, 4093),
            s -> ChunkedReader.cycling(s, 4093)),
        new Chunking("1,2,5,13,4093,65537", b -> ChunkedInputStream.cycling(b, 1, 2, 5, 13, 4093,
            65537), s -> ChunkedReader.cycling(s, 1, 2, 5, 13, 4093, 65537)),
        new Chunking("random", b -> ChunkedInputStream.random(b, seed, 300),
            s -> ChunkedReader.random(s, seed, 300)));
  }

  @Test
  void binaryReaders_giveTheSameResultWhateverTheChunking() {
    PropertyLog.print(PropertyCheck.forAllTraces("binary readers ignore chunking")
        .configs(CONFIGS)
        .check((trace, config) -> {
          EventTable table = config.eventTable();
          byte[] bytes = TraceWriter.encode(trace);
          Trace whole = TraceDecoder.decode(bytes, table);
          List<String> cursor = transcript(WireReader.open(bytes, table));
          for (Chunking c : chunkings(trace)) {
            // decode(InputStream) reads with the full table, which admits every trace here.
            assertWithMessage("TraceDecoder.decode(InputStream), chunks %s", c.name)
                .that(TraceDecoder.decode(c.stream(bytes))).isEqualTo(whole);
            assertWithMessage("TraceDecoder.records, chunks %s", c.name)
                .that(readAll(TraceDecoder.records(c.stream(bytes), table)))
                .isEqualTo(whole.records());
            assertWithMessage("WireReader cursor, chunks %s", c.name)
                .that(transcript(WireReader.open(c.stream(bytes), table))).isEqualTo(cursor);
          }
          // A cursor that skips the rest of each batch after a few events still lands on
          // every record.
          List<String> records = new ArrayList<>();
          for (String line : cursor) {
            if (!line.startsWith(" ")) {
              records.add(line);
            }
          }
          assertWithMessage("WireReader cursor skipping events")
              .that(skippingTranscript(WireReader.open(ChunkedInputStream.cycling(bytes, 5), table),
                  new Random(trace.hashCode()))).isEqualTo(records);
        }));
  }

  @Test
  void binaryReaders_onTracesLargerThanTheirBuffer_giveTheSameResult() {
    // A few hundred KiB each, so the readers' fixed buffers refill and compact many times, with
    // batches straddling every kind of boundary. Fewer seeds: each trace is big.
    LongFunction<RandomWireTraces.Config> big = seed -> RandomWireTraces.Config.builder()
        .targetEvents(15_000).generations(2).largeBatchChance(1).build().variedBy(seed);
    PropertyLog.print(PropertyCheck.forAllTraces("binary readers ignore chunking, big traces")
        .configs(big)
        .iterations(Math.max(16, PropertyCheck.configuredIterations() / 60))
        .check((trace, config) -> {
          byte[] bytes = TraceWriter.encode(trace);
          assertWithMessage("trace size").that(bytes.length).isGreaterThan(140_000);
          Trace whole = TraceDecoder.decode(bytes, config.eventTable());
          assertWithMessage("bytes").that(whole).isEqualTo(trace);
          List<String> cursor = transcript(WireReader.open(bytes, config.eventTable()));
          long seed = trace.hashCode();
          for (InputStream in : List.of(ChunkedInputStream.cycling(bytes, 1),
              ChunkedInputStream.cycling(bytes, 4093, 65537, 7),
              ChunkedInputStream.random(bytes, seed, 70_000))) {
            assertWithMessage("cursor").that(transcript(WireReader.open(in, config.eventTable())))
                .isEqualTo(cursor);
          }
          assertWithMessage("decode(InputStream)")
              .that(TraceDecoder.decode(ChunkedInputStream.random(bytes, seed + 1, 9000)))
              .isEqualTo(whole);
        }));
  }

  @Test
  void textReader_givesTheSameResultWhateverTheChunking() {
    LongFunction<RandomWireTraces.Config> configs = seed ->
        CONFIGS.apply(seed).toBuilder().targetEvents(40).build();
    PropertyLog.print(PropertyCheck.forAllTraces("text reader ignores chunking")
        .configs(configs)
        .check((trace, config) -> {
          String text = TextTraceWriter.toText(trace);
          Trace whole = TextTraceReader.read(text);
          for (Chunking c : chunkings(trace)) {
            assertWithMessage("TextTraceReader.read(Reader), chunks %s", c.name)
                .that(TextTraceReader.read(c.reader(text))).isEqualTo(whole);
          }
          // Windows line ends read the same, in any chunking.
          String crlf = text.replace("\n", "\r\n");
          assertWithMessage("CRLF text").that(TextTraceReader.read(ChunkedReader.cycling(crlf, 1)))
              .isEqualTo(whole);
        }));
  }

  private static List<Record> readAll(RecordReader r) throws IOException {
    List<Record> out = new ArrayList<>();
    for (Record rec = r.next(); rec != null; rec = r.next()) {
      out.add(rec);
    }
    return out;
  }

  /** The record lines of {@link #transcript}, reading only a random number of events each. */
  static List<String> skippingTranscript(WireReader r, Random random) throws IOException {
    List<String> out = new ArrayList<>();
    out.add("version " + r.version());
    while (r.nextRecord()) {
      out.add(recordLine(r));
      for (int k = random.nextInt(4); k > 0 && r.nextEvent(); k--) {
        // read a few events, then skip the rest of the batch
      }
    }
    return out;
  }

  /** Everything the cursor reports, record by record and event by event, as lines. */
  static List<String> transcript(WireReader r) throws IOException {
    List<String> out = new ArrayList<>();
    out.add("version " + r.version());
    while (r.nextRecord()) {
      out.add(recordLine(r));
      while (r.nextEvent()) {
        StringBuilder e = new StringBuilder("  ");
        e.append(r.eventIndex()).append(" @").append(r.eventOffset()).append('+')
            .append(r.eventLength()).append(' ').append(r.eventType().goName());
        for (int i = 0; i < r.valueCount(); i++) {
          e.append(' ').append(Long.toUnsignedString(r.value(i))).append('/')
              .append(r.varintWidth(i));
        }
        if (r.hasData()) {
          byte[] data = new byte[r.dataLength()];
          r.copyData(data, 0);
          e.append(" data/").append(r.varintWidth(r.valueCount())).append('=')
              .append(Arrays.toString(data));
        }
        out.add(e.toString());
      }
    }
    return out;
  }

  private static String recordLine(WireReader r) {
    StringBuilder s = new StringBuilder();
    s.append(r.recordIndex()).append(" @").append(r.recordOffset()).append(' ')
        .append(r.recordType());
    if (r.isBatch()) {
      s.append(" exp=").append(r.experiment()).append(" gen=").append(r.generation())
          .append(" m=").append(r.thread()).append(" time=").append(r.batchTime())
          .append(" size=").append(r.payloadSize()).append(" widths=");
      for (int i = 0; i < 4; i++) {
        s.append(r.headerWidth(i)).append(i < 3 ? "," : "");
      }
      s.append(" payload@").append(r.payloadOffset()).append(' ').append(r.batchKind());
      if (r.batchKind() == BatchKind.EXPERIMENTAL) {
        byte[] payload = new byte[r.payloadSize()];
        r.copyPayload(payload, 0);
        s.append(" hash=").append(Arrays.hashCode(payload));
      }
    }
    return s.toString();
  }

  /** A way to feed the same input in pieces. */
  private static final class Chunking {
    final String name;
    final Function<byte[], InputStream> streams;
    final Function<String, Reader> readers;

    Chunking(String name, Function<byte[], InputStream> streams, Function<String, Reader> readers) {
      this.name = name;
      this.streams = streams;
      this.readers = readers;
    }

    InputStream stream(byte[] bytes) {
      return streams.apply(bytes);
    }

    Reader reader(String text) {
      return readers.apply(text);
    }
  }
}
