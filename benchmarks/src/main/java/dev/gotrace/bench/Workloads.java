package dev.gotrace.bench;

import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.RecordReader;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.decoder.WireReader;
import dev.gotrace.encoder.EncoderOptions;
import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.SemanticReader;
import dev.gotrace.semantic.ValidationMode;
import dev.gotrace.encoder.TextTraceWriter;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.encoder.VarintLayout;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.Record;
import dev.gotrace.wire.Trace;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The measured work, one method per benchmark, kept apart from the JMH classes so that tests can
 * check what each one computes without timing anything. Each method returns a value that depends
 * on everything it read, which JMH feeds to a Blackhole so the JIT cannot drop the work.
 */
final class Workloads {
  private Workloads() {}

  /**
   * Reads every event with the semantic reader (Go's parser rules, plus Go's test validator when
   * {@code strict}) and folds each event's kind and time into a hash.
   */
  static long semantic(byte[] trace, boolean strict) throws IOException {
    SemanticReader r = SemanticReader.open(new ByteArrayInputStream(trace),
        strict ? ValidationMode.STRICT : ValidationMode.PARSER);
    long h = 0;
    for (ParsedEvent e = r.next(); e != null; e = r.next()) {
      h = h * 31 + e.kind().ordinal() + e.time();
    }
    return h;
  }

  /**
   * Walks every record and every event with the cursor and folds every value (arguments, frame
   * fields, data lengths) into a hash: what a streaming consumer that looks at each value costs,
   * with no allocation.
   */
  static long cursor(byte[] trace) throws IOException {
    WireReader r = WireReader.open(trace);
    long h = 0;
    while (r.nextRecord()) {
      h += r.recordType().ordinal();
      if (!r.isBatch()) {
        continue;
      }
      h += r.generation() ^ r.thread() ^ r.batchTime() ^ r.payloadSize();
      while (r.nextEvent()) {
        h = h * 31 + r.eventType().ordinal();
        int n = r.valueCount();
        for (int i = 0; i < n; i++) {
          h += r.value(i);
        }
        h += r.dataLength();
      }
    }
    return h;
  }

  /**
   * Walks the records only: batch headers are read and payloads skipped, so this is the cost of
   * framing and buffer refills, the floor under {@link #cursor}.
   */
  static long records(byte[] trace) throws IOException {
    WireReader r = WireReader.open(trace);
    long h = 0;
    while (r.nextRecord()) {
      h += r.recordType().ordinal() + (r.isBatch() ? r.payloadSize() : 0);
    }
    return h;
  }

  /** Decodes the whole trace into immutable values. */
  static Trace values(byte[] trace) throws IOException {
    return TraceDecoder.decode(trace);
  }

  /**
   * Reads the trace record by record as values and drops each record after looking at it, as a
   * streaming consumer (or Go's raw reader) does: the value objects die young.
   */
  static long valuesStreaming(byte[] trace) throws IOException {
    RecordReader reader = TraceDecoder.records(new ByteArrayInputStream(trace), EventTable.FULL);
    long h = 0;
    for (Record r = reader.next(); r != null; r = reader.next()) {
      if (r instanceof Batch) {
        Batch b = (Batch) r;
        h = h * 31 + b.time();
        for (Event e : b.events()) {
          h = fold(h, e);
        }
      }
    }
    return h;
  }

  /** Folds an event's type and last varint (section headers have none) into {@code h}. */
  static long fold(long h, Event e) {
    int n = e.varintCount();
    return h * 31 + e.type().ordinal() + (n > 0 ? e.varint(n - 1) : 0);
  }

  /** Encodes a decoded trace into a new byte array. */
  static byte[] encode(Trace trace, VarintLayout layout) throws IOException {
    return TraceWriter.encode(trace, EncoderOptions.DEFAULTS.withLayout(layout));
  }

  /**
   * Writes a decoded trace as Go's raw text, without the header line (as {@code -d=wire}), to an
   * {@link Appendable} that only counts: the cost of formatting alone. Returns the character count.
   */
  static long text(Trace trace) throws IOException {
    CountingAppendable out = new CountingAppendable();
    TextTraceWriter w = TextTraceWriter.open(out, trace.version(), false);
    for (Record r : trace.records()) {
      w.write(r);
    }
    return out.count;
  }

  /**
   * What {@code gotrace dump --wire FILE} does, in process and without the file and terminal: read
   * the bytes as a stream of records, write each as text through a buffered UTF-8 writer. Returns
   * the bytes of text written.
   */
  static long dumpWire(byte[] trace) throws IOException {
    CountingOutputStream sink = new CountingOutputStream();
    Writer out = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 13);
    RecordReader reader = TraceDecoder.records(new ByteArrayInputStream(trace), EventTable.FULL);
    TextTraceWriter text = TextTraceWriter.open(out, reader.version(), false);
    for (Record r = reader.next(); r != null; r = reader.next()) {
      text.write(r);
    }
    out.flush();
    return sink.count;
  }

  /** Counts characters and keeps none of them. */
  static final class CountingAppendable implements Appendable {
    long count;

    @Override
    public Appendable append(CharSequence csq) {
      count += csq.length();
      return this;
    }

    @Override
    public Appendable append(CharSequence csq, int start, int end) {
      count += end - start;
      return this;
    }

    @Override
    public Appendable append(char c) {
      count++;
      return this;
    }
  }

  /** Counts bytes and keeps none of them. */
  static final class CountingOutputStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
