package dev.gotrace.decoder;

import dev.gotrace.spec.EventForm;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.FormatLimits;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.BatchKind;
import dev.gotrace.wire.TraceFormatException;
import dev.gotrace.wire.WirePosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * A streaming cursor over a binary trace: record by record, and within a batch event by event,
 * with every value available as a primitive. It allocates nothing per record or event; memory is
 * one fixed buffer that holds the largest batch the format allows, whatever the input's size.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * WireReader r = WireReader.open(in);
 * while (r.nextRecord()) {
 *   if (r.recordType() == EventType.END_OF_GENERATION) continue;
 *   while (r.nextEvent()) {
 *     EventType t = r.eventType();
 *     long dt = t.isTimed() ? r.value(0) : 0;
 *   }
 * }
 * }</pre>
 *
 * <p>What it checks: the header; that every top-level record is a batch (or, in go 1.26, the
 * one-byte end of generation); varints (at most ten bytes, the tenth 0 or 1); the batch size limit
 * before reading the payload; that events exactly fill their payload; the string length and stack
 * frame limits; and which events each kind of batch may hold (Go's classification by first byte).
 * Generation order and event semantics are the validator's business. Every problem is a {@link
 * TraceFormatException} with the byte offset; no other exception escapes, whatever the bytes.
 *
 * <p>Invariants: {@code buf[pos..limit)} are unread input bytes; {@code base} is the input offset
 * of {@code buf[0]}; a batch's header and payload sit whole in the buffer while the cursor is on
 * it, between {@code payloadStart} and {@code payloadEnd}.
 */
public final class WireReader {
  /** A batch header is at most the type byte, the experiment byte and four ten-byte varints. */
  private static final int MAX_BATCH_HEADER = 2 + 4 * FormatLimits.MAX_VARINT_LENGTH;

  private static final int BUFFER_SIZE = 2 * (FormatLimits.MAX_BATCH_PAYLOAD + MAX_BATCH_HEADER);

  /** Spec arguments of a stack record plus four values per frame. */
  private static final int MAX_VALUES = 2 + 4 * FormatLimits.MAX_FRAMES_PER_STACK;

  private static final String[] HEADER_FIELDS = {"gen", "m", "time", "size"};

  /** Per type byte: the spec argument count, or -1 when no event type has that number. */
  private static final byte[] ARG_COUNT = new byte[256];

  static {
    java.util.Arrays.fill(ARG_COUNT, (byte) -1);
    for (EventType t : EventType.values()) {
      ARG_COUNT[t.wire()] = (byte) t.argCount();
    }
  }

  private static final byte[] HEADER_PREFIX = "go 1.".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEADER_SUFFIX = " trace\0\0\0".getBytes(StandardCharsets.US_ASCII);

  private final ByteSource source;
  private final EventTable table;
  private final byte[] buf; // the caller's array, unchanged, when reading from memory
  private int pos;
  private int limit;
  private long base;
  private boolean eof;

  private TraceVersion version;

  /**
   * Per type byte: whether the event may follow the first event of a thread batch, under this
   * reader's version and table. Set with the version; lets nextEvent skip checkAdmitted for the
   * common case (which still makes every decision and builds every error).
   */
  private final boolean[] admittedInEvents = new boolean[256];

  // The current record.
  private int recordIndex = -1;
  private long recordOffset;
  private EventType recordType;
  private int experiment;
  private final long[] header = new long[4];
  private final byte[] headerWidths = new byte[4];
  private int payloadStart;
  private int payloadEnd;
  private BatchKind batchKind;

  // The current event.
  private int eventIndex;
  private int eventStart;
  private EventType eventType;
  private final long[] values = new long[MAX_VALUES];
  private final byte[] widths = new byte[MAX_VALUES + 1];
  private int valueCount;
  private int dataStart;
  private int dataLength;
  private boolean hasData;

  private WireReader(ByteSource source, EventTable table) {
    this.source = source;
    this.table = table;
    this.buf = new byte[BUFFER_SIZE];
  }

  /** Reads {@code bytes} in place: no copy, no buffer; the array is never written. */
  private WireReader(byte[] bytes, EventTable table) {
    this.source = null;
    this.table = table;
    this.buf = bytes;
    this.limit = bytes.length;
    this.eof = true;
  }

  /** Opens a reader on a stream and reads the header. The stream is not closed by the reader. */
  public static WireReader open(InputStream in) throws IOException {
    return open(in, EventTable.FULL);
  }

  public static WireReader open(InputStream in, EventTable table) throws IOException {
    return start(ByteSource.of(in), table);
  }

  /** Opens a reader on a blocking channel and reads the header. */
  public static WireReader open(ReadableByteChannel channel, EventTable table) throws IOException {
    return start(ByteSource.of(channel), table);
  }

  public static WireReader open(byte[] bytes) throws TraceFormatException {
    return open(bytes, EventTable.FULL);
  }

  public static WireReader open(byte[] bytes, EventTable table) throws TraceFormatException {
    WireReader r = new WireReader(bytes, table);
    try {
      r.readHeader();
    } catch (TraceFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new AssertionError("an in-memory source does not fail", e);
    }
    return r;
  }

  private static WireReader start(ByteSource source, EventTable table) throws IOException {
    WireReader r = new WireReader(source, table);
    r.readHeader();
    return r;
  }

  public TraceVersion version() {
    return version;
  }

  public EventTable eventTable() {
    return table;
  }

  // ---------------------------------------------------------------------------------------------
  // Records.

  /**
   * Moves to the next top-level record, skipping whatever is left of the current one. Returns
   * false at the end of input.
   */
  public boolean nextRecord() throws IOException {
    pos = Math.max(pos, payloadEnd);
    payloadStart = payloadEnd = pos;
    eventType = null;
    eventIndex = -1;
    batchKind = null;
    if (!ensure(1)) {
      recordType = null;
      return false;
    }
    recordIndex++;
    recordOffset = offsetOf(pos);
    int type = buf[pos] & 0xFF;
    if (type == EventType.END_OF_GENERATION.wire() && version.hasEndOfGeneration()) {
      pos++;
      recordType = EventType.END_OF_GENERATION;
      payloadStart = payloadEnd = pos;
      return true;
    }
    if (type != EventType.EVENT_BATCH.wire()
        && !(type == EventType.EXPERIMENTAL_BATCH.wire() && version.hasExperiments())) {
      throw error(WirePosition.inRecord(recordOffset, recordIndex), "not a record type",
          expectedRecordTypes(), describeType(type));
    }
    recordType = EventType.ofWire(type);
    ensure(MAX_BATCH_HEADER); // may hit the end of input; readHeaderVarint reports where
    int p = pos + 1;
    experiment = 0;
    if (recordType == EventType.EXPERIMENTAL_BATCH) {
      if (p >= limit) {
        throw truncated(offsetOf(p), "the experiment byte of an ExperimentalBatch");
      }
      experiment = buf[p++] & 0xFF;
    }
    for (int i = 0; i < 4; i++) {
      p = readHeaderVarint(p, i);
    }
    long size = header[3];
    if (Long.compareUnsigned(size, FormatLimits.MAX_BATCH_PAYLOAD) > 0) {
      throw error(WirePosition.inBatch(offsetOf(p) - headerWidths[3], recordIndex, header[0]),
          "batch size too large", "at most " + FormatLimits.MAX_BATCH_PAYLOAD + " bytes",
          Long.toUnsignedString(size));
    }
    int headerLength = p - pos;
    if (!ensure(headerLength + (int) size)) {
      long available = limit - pos - headerLength;
      throw error(WirePosition.inBatch(offsetOf(limit), recordIndex, header[0]),
          "input ends inside a batch payload", size + " payload bytes",
          available + " bytes before the end of input");
    }
    // ensure() may have moved the buffer; recompute from pos.
    payloadStart = pos + headerLength;
    payloadEnd = payloadStart + (int) size;
    pos = payloadStart;
    if (recordType == EventType.EXPERIMENTAL_BATCH && experiment != 0) {
      batchKind = BatchKind.EXPERIMENTAL;
    } else {
      batchKind = BatchKind.ofFirstEvent(size == 0 ? -1 : buf[payloadStart] & 0xFF, version);
    }
    return true;
  }

  private int readHeaderVarint(int p, int field) throws TraceFormatException {
    long value = 0;
    int start = p;
    for (int shift = 0; ; shift += 7) {
      if (p >= limit) {
        throw truncated(offsetOf(p), "the " + headerFieldName(field) + " varint of a batch header");
      }
      int b = buf[p++] & 0xFF;
      if (shift == 63 && b > 1) {
        throw error(WirePosition.inRecord(offsetOf(start), recordIndex),
            "varint overflows 64 bits", "a tenth byte of 0 or 1", "0x" + Integer.toHexString(b));
      }
      value |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        break;
      }
    }
    header[field] = value;
    headerWidths[field] = (byte) (p - start);
    return p;
  }

  /**
   * The name of batch header field {@code field}. (ExperimentalBatch's spec has no {@code size}
   * argument: Go's raw format treats its payload as trailing data, so the spec cannot name it.)
   */
  private static String headerFieldName(int field) {
    return HEADER_FIELDS[field];
  }

  /** {@code EventBatch}, {@code ExperimentalBatch} or {@code EndOfGeneration}. */
  public EventType recordType() {
    return recordType;
  }

  /** The 0-based index of the current record. */
  public int recordIndex() {
    return recordIndex;
  }

  /** The byte offset of the current record's first byte. */
  public long recordOffset() {
    return recordOffset;
  }

  public boolean isBatch() {
    return recordType == EventType.EVENT_BATCH || recordType == EventType.EXPERIMENTAL_BATCH;
  }

  /** The experiment byte of an experimental batch header; 0 otherwise. */
  public int experiment() {
    return experiment;
  }

  public long generation() {
    return header[0];
  }

  public long thread() {
    return header[1];
  }

  public long batchTime() {
    return header[2];
  }

  public int payloadSize() {
    return (int) header[3];
  }

  /** The width in bytes of header field {@code i} (0 gen, 1 m, 2 time, 3 size). */
  public int headerWidth(int i) {
    return headerWidths[i];
  }

  /** The byte offset of the current batch's payload. */
  public long payloadOffset() {
    return offsetOf(payloadStart);
  }

  /** What the current batch holds, by Go's classification of its first byte. */
  public BatchKind batchKind() {
    return batchKind;
  }

  /** Copies the current batch's raw payload into {@code dst} at {@code off}. */
  public void copyPayload(byte[] dst, int off) {
    System.arraycopy(buf, payloadStart, dst, off, payloadEnd - payloadStart);
  }

  // ---------------------------------------------------------------------------------------------
  // Events.

  /**
   * Moves to the next event of the current batch. Returns false at the end of the payload, and
   * always for an opaque experimental batch or an end-of-generation record.
   */
  public boolean nextEvent() throws TraceFormatException {
    if (batchKind == null || batchKind == BatchKind.EXPERIMENTAL || pos >= payloadEnd) {
      eventType = null;
      return false;
    }
    eventIndex++;
    eventStart = pos;
    int wire = buf[pos] & 0xFF;
    EventType type = EventType.ofWire(wire);
    eventType = null;
    if (batchKind != BatchKind.EVENTS || eventStart == payloadStart || !admittedInEvents[wire]) {
      checkAdmitted(wire, type);
    }
    eventType = type;
    int p = pos + 1;
    int argCount = ARG_COUNT[wire];
    for (int i = 0; i < argCount; i++) {
      p = readValue(p, i);
    }
    valueCount = argCount;
    if (type.isStack()) {
      long frames = values[1];
      if (Long.compareUnsigned(frames, FormatLimits.MAX_FRAMES_PER_STACK) > 0) {
        throw error(eventPosition(offsetOf(eventStart)), "too many frames in a stack",
            "at most " + FormatLimits.MAX_FRAMES_PER_STACK, Long.toUnsignedString(frames));
      }
      int n = (int) frames * 4;
      for (int i = 0; i < n; i++) {
        p = readValue(p, argCount + i);
      }
      valueCount = argCount + n;
    }
    hasData = type.hasData();
    dataLength = 0;
    if (hasData) {
      int lengthAt = p;
      p = readValue(p, valueCount);
      long length = values[valueCount];
      if (Long.compareUnsigned(length, FormatLimits.MAX_STRING_LENGTH) > 0) {
        throw error(eventPosition(offsetOf(lengthAt)), "string too long",
            "at most " + FormatLimits.MAX_STRING_LENGTH + " bytes", Long.toUnsignedString(length));
      }
      if (length > payloadEnd - p) {
        throw error(eventPosition(offsetOf(p)), "string runs past the end of its batch",
            length + " bytes", (payloadEnd - p) + " bytes left in the batch");
      }
      dataStart = p;
      dataLength = (int) length;
      p += dataLength;
    }
    pos = p;
    return true;
  }

  private void checkAdmitted(int wire, EventType type) throws TraceFormatException {
    boolean first = eventStart == payloadStart;
    boolean ok;
    if (type == null) {
      ok = false;
    } else if (first) {
      // The first byte chose the batch kind; for a thread batch it must itself be timed.
      ok = batchKind != BatchKind.EVENTS || type.isTimed();
    } else {
      ok = batchKind.admitsAfterFirst(type, version);
    }
    if (ok && batchKind == BatchKind.EVENTS && table == EventTable.VERSION_PREFIX
        && !version.rawTableIncludes(type)) {
      throw error(eventPosition(offsetOf(eventStart)), "event type not in the go 1."
          + version.number() + " table", "an event of the go 1." + version.number() + " table",
          describeType(wire));
    }
    if (!ok) {
      String expected = batchKind == BatchKind.EVENTS
          ? "a timed event"
          : batchKind.describeContents(version) + " in a " + batchKind + " batch";
      throw error(eventPosition(offsetOf(eventStart)), "unexpected event type", expected,
          describeType(wire));
    }
  }

  private int readValue(int p, int index) throws TraceFormatException {
    // Fast path: at least ten bytes left in the payload, so no per-byte bounds check. Values of
    // real traces are mostly one to three bytes. A tenth byte over 1 falls through to the loop
    // below, which makes the error.
    byte[] b = buf;
    if (payloadEnd - p >= FormatLimits.MAX_VARINT_LENGTH) {
      int x = b[p];
      if (x >= 0) {
        values[index] = x;
        widths[index] = 1;
        return p + 1;
      }
      long value = x & 0x7F;
      for (int i = 1; i < FormatLimits.MAX_VARINT_LENGTH; i++) {
        x = b[p + i];
        if (i == FormatLimits.MAX_VARINT_LENGTH - 1 && (x & 0xFF) > 1) {
          break;
        }
        value |= (long) (x & 0x7F) << (7 * i);
        if (x >= 0) {
          values[index] = value;
          widths[index] = (byte) (i + 1);
          return p + i + 1;
        }
      }
    }
    return readValueSlow(p, index);
  }

  private int readValueSlow(int p, int index) throws TraceFormatException {
    long value = 0;
    int start = p;
    for (int shift = 0; ; shift += 7) {
      if (p >= payloadEnd) {
        throw error(eventPosition(offsetOf(p)), "event runs past the end of its batch",
            "a varint byte of " + describeValue(index), "the end of the "
                + (payloadEnd - payloadStart) + "-byte payload");
      }
      int b = buf[p++] & 0xFF;
      if (shift == 63 && b > 1) {
        throw error(eventPosition(offsetOf(start)), "varint overflows 64 bits",
            "a tenth byte of 0 or 1 in " + describeValue(index), "0x" + Integer.toHexString(b));
      }
      value |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        break;
      }
    }
    values[index] = value;
    widths[index] = (byte) (p - start);
    return p;
  }

  private String describeValue(int index) {
    int argCount = eventType.argCount();
    if (index < argCount) {
      return "argument " + eventType.args().get(index).name();
    }
    // The frame count (values[1]) is already read and checked when frames are read.
    if (eventType.isStack() && index - argCount < 4 * values[1]) {
      int f = index - argCount;
      return "frame " + f / 4 + " field " + EventType.FRAME_FIELDS.get(f % 4);
    }
    return "the data length";
  }

  /** The current event's type. */
  public EventType eventType() {
    return eventType;
  }

  /** The 0-based index of the current event within its batch. */
  public int eventIndex() {
    return eventIndex;
  }

  /** The byte offset of the current event's type byte. */
  public long eventOffset() {
    return offsetOf(eventStart);
  }

  /** The number of bytes of the current event on the wire. */
  public int eventLength() {
    return pos - eventStart;
  }

  /** The current event's spec argument {@code i}. */
  public long arg(int i) {
    return values[i];
  }

  /** Spec arguments, then four per frame for a stack record. */
  public int valueCount() {
    return valueCount;
  }

  /** Value {@code i} in wire order (spec arguments, then frame fields). */
  public long value(int i) {
    return values[i];
  }

  /**
   * The width in bytes of varint {@code i} in wire order; {@code i == valueCount()} is the data
   * length of a data event.
   */
  public int varintWidth(int i) {
    return widths[i];
  }

  public boolean hasData() {
    return hasData;
  }

  public int frameCount() {
    return eventType.isStack() ? (valueCount - 2) / 4 : 0;
  }

  public int dataLength() {
    return dataLength;
  }

  /** Copies the current event's data (a string's bytes) into {@code dst} at {@code off}. */
  public void copyData(byte[] dst, int off) {
    System.arraycopy(buf, dataStart, dst, off, dataLength);
  }

  // ---------------------------------------------------------------------------------------------
  // Input.

  private void readHeader() throws IOException {
    ensure(32);
    int p = pos;
    for (byte b : HEADER_PREFIX) {
      if (p >= limit || buf[p] != b) {
        throw badHeader(p);
      }
      p++;
    }
    long number = 0;
    int digits = 0;
    while (p < limit && buf[p] >= '0' && buf[p] <= '9' && digits < 9) {
      number = number * 10 + (buf[p++] - '0');
      digits++;
    }
    if (digits == 0 || (digits > 1 && buf[p - digits] == '0')) {
      // Go's Fscanf-based header reader also takes "go 1.026 trace" and a few other spellings,
      // but runtimes write only the canonical one, and only it can be written back exactly.
      throw badHeader(p - digits);
    }
    for (byte b : HEADER_SUFFIX) {
      if (p >= limit || buf[p] != b) {
        throw badHeader(p);
      }
      p++;
    }
    version = TraceVersion.ofNumber(number);
    if (version != null) {
      for (EventType t : EventType.values()) {
        admittedInEvents[t.wire()] = BatchKind.EVENTS.admitsAfterFirst(t, version)
            && (table != EventTable.VERSION_PREFIX || version.rawTableIncludes(t));
      }
    }
    if (version == null) {
      String why = number == 11 || number == 19 || number == 21
          ? "a v1 trace (go 1." + number + "), which gotrace does not read"
          : "go 1." + number;
      throw error(WirePosition.at(HEADER_PREFIX.length), "unknown or unsupported trace version",
          "go 1.22, 1.23, 1.25 or 1.26", why);
    }
    pos = p;
    payloadStart = payloadEnd = pos;
  }

  private TraceFormatException badHeader(int p) {
    int end = Math.min(limit, pos + TraceVersion.HEADER_LENGTH);
    if (end == pos && eof && offsetOf(pos) == 0) {
      // The semantic reader's words for it, so every command says the same about an empty file.
      return error(WirePosition.at(0), "not a Go execution trace",
          "the header \"go 1.NN trace\\x00\\x00\\x00\"", "no bytes: the input is empty");
    }
    StringBuilder found = new StringBuilder("\"");
    for (int i = pos; i < end; i++) {
      int c = buf[i] & 0xFF;
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        found.append((char) c);
      } else {
        found.append(String.format("\\x%02x", c));
      }
    }
    found.append('"');
    if (end == limit && eof) {
      found.append(" (").append(end - pos).append(" bytes, then the end of input)");
    }
    return error(WirePosition.at(offsetOf(p)), "not a Go execution trace",
        "the header \"go 1.NN trace\\x00\\x00\\x00\"", found.toString());
  }

  /**
   * Makes {@code n} bytes available at {@code buf[pos..]}, compacting and refilling the buffer.
   * Returns false if the input ends first (whatever is available stays available).
   */
  private boolean ensure(int n) throws IOException {
    if (limit - pos >= n) {
      return true;
    }
    if (eof) {
      return false; // also keeps an in-memory array untouched
    }
    if (buf.length - pos < n) {
      int keep = limit - pos;
      System.arraycopy(buf, pos, buf, 0, keep);
      base += pos;
      payloadStart -= pos;
      payloadEnd -= pos;
      eventStart -= pos;
      dataStart -= pos;
      limit = keep;
      pos = 0;
    }
    while (limit - pos < n && !eof) {
      int r = source.read(buf, limit, buf.length - limit);
      if (r < 0) {
        eof = true;
      } else {
        limit += r;
      }
    }
    return limit - pos >= n;
  }

  private long offsetOf(int index) {
    return base + index;
  }

  private WirePosition eventPosition(long offset) {
    return WirePosition.inEvent(offset, recordIndex, header[0], eventIndex, eventType);
  }

  private TraceFormatException truncated(long offset, String what) {
    return error(WirePosition.inRecord(offset, recordIndex), "input ends inside a batch header",
        what, "the end of input");
  }

  private String expectedRecordTypes() {
    StringBuilder s = new StringBuilder("EventBatch (1)");
    if (version.hasExperiments()) {
      s.append(", ExperimentalBatch (49)");
    }
    if (version.hasEndOfGeneration()) {
      s.append(", EndOfGeneration (52)");
    }
    return s.toString();
  }

  private String describeType(int wire) {
    EventType t = EventType.ofWire(wire);
    return t == null ? "byte " + wire + " (no such event type)" : t.goName() + " (" + wire + ")";
  }

  private static TraceFormatException error(WirePosition at, String problem, String expected,
      String found) {
    return new TraceFormatException(at, problem, expected, found);
  }

  /** Whether the form of an event lets it stand inside a batch at all. */
  static boolean insideBatch(EventType t) {
    return t.form() != EventForm.BATCH_HEADER && t.form() != EventForm.GENERATION_END;
  }
}
