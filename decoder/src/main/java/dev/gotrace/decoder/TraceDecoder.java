package dev.gotrace.decoder;

import dev.gotrace.wire.Record;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;

/** Entry points that read binary traces: whole traces as values, or record by record. */
public final class TraceDecoder {
  private TraceDecoder() {}

  /** Decodes a whole trace held in memory. */
  public static Trace decode(byte[] bytes) throws TraceFormatException {
    return decode(bytes, EventTable.FULL);
  }

  public static Trace decode(byte[] bytes, EventTable table) throws TraceFormatException {
    try {
      return readAll(new RecordReader(WireReader.open(bytes, table)));
    } catch (TraceFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new AssertionError("an in-memory source does not fail", e);
    }
  }

  /** Decodes a whole trace from a stream (which is not closed). */
  public static Trace decode(InputStream in) throws IOException {
    return readAll(records(in, EventTable.FULL));
  }

  /** A streaming reader of records; reads the header now. */
  public static RecordReader records(InputStream in, EventTable table) throws IOException {
    return new RecordReader(WireReader.open(in, table));
  }

  /** A streaming reader of records from a blocking channel; reads the header now. */
  public static RecordReader records(ReadableByteChannel channel, EventTable table)
      throws IOException {
    return new RecordReader(WireReader.open(channel, table));
  }

  private static Trace readAll(RecordReader r) throws IOException {
    List<Record> records = new ArrayList<>();
    for (Record rec = r.next(); rec != null; rec = r.next()) {
      records.add(rec);
    }
    return Trace.of(r.version(), records);
  }
}
