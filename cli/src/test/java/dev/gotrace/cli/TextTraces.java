package dev.gotrace.cli;

import dev.gotrace.decoder.TextTraceReader;
import dev.gotrace.encoder.EncoderOptions;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.wire.Record;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

/** Binary traces written in Go's raw text format, for tests that need a particular trace. */
final class TextTraces {
  /**
   * A go 1.26 generation in which thread 5 runs three events that each need a goroutine while it
   * has none: two GoBlocks and a GoLabel. Go's parser stops at the first; {@code validate --all}
   * finds three problems, the first two in one step of the reader (the frontier drops both).
   */
  static final String THREE_PROBLEMS = "Trace Go1.26\n"
      + "EventBatch gen=1 m=18446744073709551615 time=100\n"
      + "Sync\n"
      + "Frequency freq=1000000000\n"
      + "ClockSnapshot dt=1 mono=1000 sec=1700000001 nsec=0\n"
      + "EventBatch gen=1 m=5 time=110\n"
      + "ProcStatus dt=1 p=0 pstatus=1\n"
      + "GoBlock dt=1 reason_string=0 stack=0\n"
      + "GoBlock dt=1 reason_string=0 stack=0\n"
      + "GoLabel dt=1 label_string=0\n"
      + "ProcStop dt=1\n"
      + "EndOfGeneration\n";

  private TextTraces() {}

  static byte[] bytes(String text) {
    try {
      TextTraceReader reader = TextTraceReader.open(new StringReader(text));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TraceWriter w = TraceWriter.open(out, reader.version(), EncoderOptions.DEFAULTS);
      for (Record r = reader.next(); r != null; r = reader.next()) {
        w.write(r);
      }
      w.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
