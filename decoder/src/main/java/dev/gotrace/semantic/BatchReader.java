package dev.gotrace.semantic;

import dev.gotrace.spec.EventType;
import dev.gotrace.spec.FormatLimits;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.WirePosition;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a binary trace into top-level records the way Go's full parser does ({@code readBatch}),
 * which is looser than Go's raw reader and than {@code WireReader}: an ExperimentalBatch is
 * accepted whatever the version, a lone EndOfGeneration byte is read in every version (as a batch
 * of generation 0, which versions before 1.26 then reject), and input that ends right after an
 * ExperimentalBatch type byte counts as a clean end. Payloads are not interpreted here.
 */
final class BatchReader {

  private final TraceInput in;
  private final TraceVersion version;
  private int recordIndex = -1;
  private boolean endOfGeneration;

  private BatchReader(TraceInput in, TraceVersion version) {
    this.in = in;
    this.version = version;
  }

  /** Reads the header and returns a reader positioned at the first record. */
  static BatchReader open(InputStream stream) throws IOException {
    TraceInput in = new TraceInput(stream);
    return new BatchReader(in, readHeader(in));
  }

  TraceVersion version() {
    return version;
  }

  /** The index of the record {@link #next} returned last. */
  int recordIndex() {
    return recordIndex;
  }

  /** The offset of the next unread byte. */
  long offset() {
    return in.offset();
  }

  /** Whether the last {@link #next} returned a lone EndOfGeneration byte. */
  boolean wasEndOfGeneration() {
    return endOfGeneration;
  }

  /**
   * The next record, or {@code null} at the end of input. A lone EndOfGeneration byte comes back as
   * a batch of generation 0 whose payload is that byte (see {@link #wasEndOfGeneration}).
   */
  RawBatch next() throws IOException {
    endOfGeneration = false;
    long start = in.offset();
    int type = in.read();
    if (type < 0) {
      return null;
    }
    recordIndex++;
    if (type == EventType.END_OF_GENERATION.wire()) {
      endOfGeneration = true;
      return new RawBatch(0, RawBatch.NO_THREAD, 0, 0, new byte[] {(byte) type}, recordIndex, start,
          start);
    }
    if (type != EventType.EVENT_BATCH.wire() && type != EventType.EXPERIMENTAL_BATCH.wire()) {
      throw Problems.framing(WirePosition.inRecord(start, recordIndex),
          "expected batch event, got event " + type, "not a batch",
          "EventBatch (1) or ExperimentalBatch (49)", describeType(type));
    }
    int experiment = 0;
    if (type == EventType.EXPERIMENTAL_BATCH.wire()) {
      experiment = in.read();
      if (experiment < 0) {
        // Go reads the experiment byte with ReadByte and passes its io.EOF up unchanged, which
        // its generation reader takes for the end of the trace.
        recordIndex--;
        return null;
      }
    }
    long gen = header(start, "gen", "error reading batch gen", 0);
    long thread = header(start, "m", "error reading batch M ID", gen);
    long time = header(start, "time", "error reading batch timestamp", gen);
    long sizeAt = in.offset();
    long size = header(start, "size", "error reading batch size", gen);
    if (Long.compareUnsigned(size, FormatLimits.MAX_BATCH_PAYLOAD) > 0) {
      throw Problems.framing(WirePosition.inBatch(sizeAt, recordIndex, gen),
          "invalid batch size " + Long.toUnsignedString(size) + ", maximum is "
              + FormatLimits.MAX_BATCH_PAYLOAD,
          "batch size too large", "at most " + FormatLimits.MAX_BATCH_PAYLOAD + " bytes",
          Long.toUnsignedString(size));
    }
    long payloadOffset = in.offset();
    byte[] payload = new byte[(int) size];
    int n = in.read(payload, 0, payload.length);
    if (n != payload.length) {
      throw Problems.framing(WirePosition.inBatch(in.offset(), recordIndex, gen),
          "failed to read full batch: read " + n + " but wanted " + size,
          "input ends inside a batch payload", size + " payload bytes",
          n + " bytes before the end of input");
    }
    return new RawBatch(gen, thread, time, experiment, payload, recordIndex, start, payloadOffset);
  }

  private long header(long start, String field, String goPrefix, long gen) throws IOException {
    long at = in.offset();
    try {
      return in.readUvarint();
    } catch (TraceInput.VarintOverflow e) {
      throw Problems.framing(WirePosition.inRecord(at, recordIndex),
          goPrefix + ": " + e.getMessage(), "batch header varint overflows 64 bits",
          "a " + field + " varint of at most ten bytes", "more");
    } catch (TraceInput.PartialVarint e) {
      throw Problems.framing(WirePosition.inRecord(in.offset(), recordIndex),
          goPrefix + ": " + e.getMessage(), "input ends inside a batch header",
          "the " + field + " varint", "the end of input");
    }
  }

  private static String describeType(int wire) {
    EventType t = EventType.ofWire(wire);
    return t == null ? "byte " + wire : t.goName() + " (" + wire + ")";
  }

  /**
   * Reads {@code go 1.NN trace} and three NUL bytes. Go scans the number with {@code %d}, so
   * leading zeros and blanks before the number are accepted. The v1 versions (11, 19, 21),
   * which Go converts with a separate parser, are reported as unsupported.
   */
  private static TraceVersion readHeader(TraceInput in) throws IOException {
    byte[] prefix = {'g', 'o', ' ', '1', '.'};
    for (byte b : prefix) {
      if (in.read() != b) {
        throw badHeader(in);
      }
    }
    long number = 0;
    int digits = 0;
    int c = in.read();
    // Go scans the number with fmt's %d, which skips blanks before it.
    while (c == ' ' || c == '\t' || c == '\r') {
      c = in.read();
    }
    while (c >= '0' && c <= '9' && digits < 10) {
      number = number * 10 + (c - '0');
      digits++;
      c = in.read();
    }
    if (digits == 0) {
      throw badHeader(in);
    }
    byte[] suffix = {' ', 't', 'r', 'a', 'c', 'e', 0, 0, 0};
    for (int i = 0; i < suffix.length; i++) {
      if (c != suffix[i]) {
        throw badHeader(in);
      }
      c = i + 1 < suffix.length ? in.read() : 0;
    }
    TraceVersion v = TraceVersion.ofNumber(number);
    if (v == null) {
      String go = "unknown or unsupported trace version go 1." + number;
      String found = "go 1." + number;
      if (number == 11 || number == 19 || number == 21) {
        found += " (a v1 trace, which gotrace does not read)";
        // Go reads these with its v1 parser, whose verdict on the rest gotrace cannot give;
        // only a trace that ends here is known: that parser then finds no Frequency event.
        go = in.read() == -1 ? "no EvFrequency event" : null;
      }
      throw Problems.framing(WirePosition.at(5), go, "unsupported trace version",
          "go 1.22, 1.23, 1.25 or 1.26", found);
    }
    return v;
  }

  private static TraceValidationException badHeader(TraceInput in) {
    // Offset 0 after a read means the first read found the end: WireReader's words for it.
    return Problems.framing(WirePosition.at(Math.max(0, in.offset() - 1)),
        "bad file format: not a Go execution trace?", "not a Go execution trace",
        "the header \"go 1.NN trace\\x00\\x00\\x00\"",
        in.offset() == 0 ? "no bytes: the input is empty" : "other bytes");
  }
}
