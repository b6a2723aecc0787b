package dev.gotrace.encoder;

import dev.gotrace.spec.EventType;
import dev.gotrace.spec.FormatLimits;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.EndOfGeneration;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.HeaderWidths;
import dev.gotrace.wire.Record;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceEncodingException;
import dev.gotrace.wire.Varints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes trace records as bytes, streaming: the header when opened, then one record at a time.
 * Memory is one batch buffer. The stream is not closed by the writer; {@link #flush} pushes
 * buffered bytes.
 */
public final class TraceWriter {
  private final OutputStream out;
  private final TraceVersion version;
  private final EncoderOptions options;
  private byte[] buf = new byte[FormatLimits.MAX_BATCH_PAYLOAD + 64];
  private int recordIndex;

  private TraceWriter(OutputStream out, TraceVersion version, EncoderOptions options) {
    this.out = out;
    this.version = version;
    this.options = options;
  }

  /** Writes the header of {@code version} and returns a writer for the records. */
  public static TraceWriter open(OutputStream out, TraceVersion version, EncoderOptions options)
      throws IOException {
    TraceWriter w = new TraceWriter(out, version, options);
    out.write(version.header());
    return w;
  }

  /** Encodes a whole trace. */
  public static byte[] encode(Trace trace, EncoderOptions options) throws TraceEncodingException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(trace, bytes, options);
    } catch (TraceEncodingException e) {
      throw e;
    } catch (IOException e) {
      throw new AssertionError("a byte array stream does not fail", e);
    }
    return bytes.toByteArray();
  }

  public static byte[] encode(Trace trace) throws TraceEncodingException {
    return encode(trace, EncoderOptions.DEFAULTS);
  }

  public static void write(Trace trace, OutputStream out, EncoderOptions options)
      throws IOException {
    TraceWriter w = open(out, trace.version(), options);
    for (Record r : trace.records()) {
      w.write(r);
    }
    w.flush();
  }

  public void write(Record record) throws IOException {
    if (record instanceof Batch) {
      writeBatch((Batch) record);
    } else if (record instanceof EndOfGeneration) {
      writeEndOfGeneration();
    } else {
      throw new IllegalArgumentException("unknown record " + record);
    }
  }

  public void writeEndOfGeneration() throws IOException {
    if (options.checkLimits() && !version.hasEndOfGeneration()) {
      throw new TraceEncodingException(recordIndex, -1, "EndOfGeneration cannot be written",
          "a go 1.26 trace", "a go 1." + version.number() + " trace");
    }
    out.write(EventType.END_OF_GENERATION.wire());
    recordIndex++;
  }

  public void writeBatch(Batch batch) throws IOException {
    if (options.checkLimits() && batch.headerType() == EventType.EXPERIMENTAL_BATCH
        && !version.hasExperiments()) {
      throw new TraceEncodingException(recordIndex, -1, "ExperimentalBatch cannot be written",
          "a go 1.23 or later trace", "a go 1." + version.number() + " trace");
    }
    VarintLayout layout = options.layout();
    boolean preserve = layout == VarintLayout.PRESERVE;
    long payloadLength = 0;
    if (batch.isOpaque()) {
      payloadLength = batch.payloadLength();
    } else {
      int index = 0;
      for (Event e : batch.events()) {
        checkEvent(e, index++);
        payloadLength += preserve ? e.encodedLength() : e.minimal().encodedLength();
      }
    }
    if (options.checkLimits() && payloadLength > FormatLimits.MAX_BATCH_PAYLOAD) {
      throw new TraceEncodingException(recordIndex, -1, "batch payload too large",
          "at most " + FormatLimits.MAX_BATCH_PAYLOAD + " bytes", payloadLength + " bytes");
    }
    long size = batch.hasSizeOverride() ? batch.declaredSize() : payloadLength;
    HeaderWidths hw = preserve ? batch.headerWidths()
        : layout == VarintLayout.PADDED ? HeaderWidths.RUNTIME : HeaderWidths.MINIMAL;
    int sizeWidth = hw.widthFor(3, size);
    if (!Varints.fits(size, sizeWidth)) {
      sizeWidth = Varints.minimalWidth(size);
    }
    int needed = (int) Math.min(Integer.MAX_VALUE - 64, payloadLength + 64);
    if (buf.length < needed) {
      buf = new byte[needed];
    }
    int p = 0;
    buf[p++] = (byte) batch.headerType().wire();
    if (batch.headerType() == EventType.EXPERIMENTAL_BATCH) {
      buf[p++] = (byte) batch.experiment();
    }
    p = Varints.write(buf, p, batch.generation(), hw.widthFor(0, batch.generation()));
    p = Varints.write(buf, p, batch.thread(), hw.widthFor(1, batch.thread()));
    p = Varints.write(buf, p, batch.time(), hw.widthFor(2, batch.time()));
    p = Varints.write(buf, p, size, sizeWidth);
    if (batch.isOpaque()) {
      byte[] payload = batch.opaquePayload();
      System.arraycopy(payload, 0, buf, p, payload.length);
      p += payload.length;
    } else {
      for (Event e : batch.events()) {
        p = e.encodeTo(buf, p, !preserve);
      }
    }
    out.write(buf, 0, p);
    recordIndex++;
  }

  private void checkEvent(Event e, int index) throws TraceEncodingException {
    if (!options.checkLimits()) {
      return;
    }
    if (e.type() == EventType.STRING && e.dataLength() > FormatLimits.MAX_STRING_LENGTH) {
      throw new TraceEncodingException(recordIndex, index, "string too long",
          "at most " + FormatLimits.MAX_STRING_LENGTH + " bytes", e.dataLength() + " bytes");
    }
    if (e.type().isStack() && e.frameCount() > FormatLimits.MAX_FRAMES_PER_STACK) {
      throw new TraceEncodingException(recordIndex, index, "too many frames in a stack",
          "at most " + FormatLimits.MAX_FRAMES_PER_STACK, e.frameCount() + " frames");
    }
  }

  public void flush() throws IOException {
    out.flush();
  }

  public TraceVersion version() {
    return version;
  }
}
