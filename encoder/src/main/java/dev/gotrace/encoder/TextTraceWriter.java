package dev.gotrace.encoder;

import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.text.GoQuote;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.EndOfGeneration;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.Record;
import dev.gotrace.wire.Trace;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes traces in Go's raw text format, the one {@code go tool trace -d=wire} prints and {@code
 * gotraceraw} converts: a {@code Trace Go1.NN} line, then one line per record or event ({@code
 * Name arg=value ...} with unsigned decimal values), stack frames and data on indented lines.
 *
 * <p>Our text equals Go's for the same bytes, with one deliberate exception: Go prints nothing
 * for the header line in {@code -d=wire} mode (see {@link #open(Appendable, TraceVersion,
 * boolean)}). Like Go, it writes no {@code data=} line when a string or experimental payload is
 * empty, and it cannot show varint widths: text always reads back as minimal varints.
 */
public final class TextTraceWriter {
  private final Appendable out;
  private final StringBuilder line = new StringBuilder(256);

  private TextTraceWriter(Appendable out) {
    this.out = out;
  }

  /** Writes the {@code Trace Go1.NN} header line and returns a writer for the records. */
  public static TextTraceWriter open(Appendable out, TraceVersion version) throws IOException {
    return open(out, version, true);
  }

  /**
   * @param headerLine whether to write the {@code Trace Go1.NN} line; {@code go tool trace
   *     -d=wire} omits it, Go's text converters need it
   */
  public static TextTraceWriter open(Appendable out, TraceVersion version, boolean headerLine)
      throws IOException {
    TextTraceWriter w = new TextTraceWriter(out);
    if (headerLine) {
      out.append(version.textHeader()).append('\n');
    }
    return w;
  }

  /** The whole trace as text, header line included. */
  public static String toText(Trace trace) {
    StringBuilder sb = new StringBuilder();
    try {
      TextTraceWriter w = open(sb, trace.version());
      for (Record r : trace.records()) {
        w.write(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }

  public void write(Record record) throws IOException {
    line.setLength(0);
    if (record instanceof EndOfGeneration) {
      line.append(EventType.END_OF_GENERATION.goName()).append('\n');
    } else {
      appendBatch((Batch) record);
    }
    out.append(line);
  }

  private void appendBatch(Batch b) {
    line.append(b.headerType().goName());
    if (b.headerType() == EventType.EXPERIMENTAL_BATCH) {
      arg("exp", b.experiment());
      arg("gen", b.generation());
      arg("m", b.thread());
      arg("time", b.time());
      // Go's raw reader sees the payload as the header's trailing data, events or not.
      byte[] payload = b.isOpaque() ? b.opaquePayload() : encodeEvents(b);
      data(payload);
      line.append('\n');
      return;
    }
    arg("gen", b.generation());
    arg("m", b.thread());
    arg("time", b.time());
    arg("size", b.declaredSize());
    line.append('\n');
    for (Event e : b.events()) {
      appendEvent(e);
    }
  }

  private static byte[] encodeEvents(Batch b) {
    byte[] bytes = new byte[b.payloadLength()];
    int p = 0;
    for (Event e : b.events()) {
      p = e.encodeTo(bytes, p, false);
    }
    return bytes;
  }

  /** Appends one event's text (its line, and its frame and data lines). */
  private void appendEvent(Event e) {
    EventType t = e.type();
    line.append(t.goName());
    for (int i = 0; i < t.argCount(); i++) {
      arg(t.args().get(i).name(), e.arg(i));
    }
    int frames = e.frameCount();
    long[] v = frames > 0 ? e.values() : null;
    for (int f = 0; f < frames; f++) {
      line.append("\n\t");
      int at = t.argCount() + 4 * f;
      for (int k = 0; k < 4; k++) {
        if (k > 0) {
          line.append(' ');
        }
        line.append(EventType.FRAME_FIELDS.get(k)).append('=');
        appendUnsigned(v[at + k]);
      }
    }
    if (t.hasData()) {
      data(e.data());
    }
    line.append('\n');
  }

  private void arg(String name, long value) {
    line.append(' ').append(name).append('=');
    appendUnsigned(value);
  }

  /** Appends {@code value} as an unsigned decimal; without a String unless it is over 2^63-1. */
  private void appendUnsigned(long value) {
    if (value >= 0) {
      line.append(value);
    } else {
      line.append(Long.toUnsignedString(value));
    }
  }

  private void data(byte[] bytes) {
    if (bytes.length > 0) {
      line.append("\n\tdata=");
      GoQuote.appendQuoted(line, bytes, 0, bytes.length);
    }
  }
}
