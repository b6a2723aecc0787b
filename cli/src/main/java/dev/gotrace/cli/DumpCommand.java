package dev.gotrace.cli;

import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.RecordReader;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.encoder.TextTraceWriter;
import dev.gotrace.kit.events.CanonicalEvents;
import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.SemanticReader;
import dev.gotrace.semantic.ValidationMode;
import dev.gotrace.wire.Record;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "dump",
    description = {
      "Prints a binary trace in Go's raw text format (what `go tool trace -d=wire` prints).",
      "The output starts with a `Trace Go1.NN` line, so `gotrace assemble` reads it back;"
          + " --wire leaves that line out and matches `go tool trace -d=wire` exactly."
    })
final class DumpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The trace ('-' for stdin).")
  String file;

  @Option(names = "--wire", description = "Omit the `Trace Go1.NN` header line, as -d=wire does.")
  boolean wire;

  @Option(names = "--parsed",
      description = "Print the events in Go's order as `go tool trace -d=parsed` does"
          + " (Event.String() of Go's parser) instead of the raw text format.")
  boolean parsed;

  @Option(names = "--json",
      description = "Print the events in Go's order in the canonical event form (JSON Lines,"
          + " one event a line; see docs/CONFORMANCE.md).")
  boolean json;

  @Option(names = "--table", defaultValue = "FULL",
      description = "Events accepted in thread batches: FULL (as Go's parser, the default) or"
          + " VERSION_PREFIX (as Go's raw reader: no AllocFree events before go 1.26).")
  EventTable table;

  @Option(names = {"-o", "--output"}, defaultValue = "-", paramLabel = "OUT",
      description = "Where to write the text (default: stdout). A file appears only when the"
          + " whole trace was read.")
  String output;

  @Override
  public Integer call() throws Exception {
    try (InputStream in = Inputs.open(file)) {
      if (parsed && !json) {
        // Go prints frame names as raw bytes: only a byte stream can carry them exactly, so the
        // parsed form goes to the file or to the process's stdout as bytes. An in-process caller
        // with its own writer gets the text decoded as UTF-8 (exact for every UTF-8 name).
        OutputStream raw = output.equals("-") ? GotraceCommand.processStdout(spec) : null;
        if (raw != null || !output.equals("-")) {
          try (Inputs.Output target = Inputs.create(output)) {
            OutputStream o = new java.io.BufferedOutputStream(target.stream(), 1 << 16);
            parsedBytes(in, o);
            o.flush();
            target.commit();
          }
          return GotraceCommand.EXIT_OK;
        }
      }
      if (output.equals("-")) {
        Writer out = spec.commandLine().getOut();
        try {
          dump(in, out);
        } finally {
          out.flush();
        }
      } else {
        try (Inputs.Output file = Inputs.create(output)) {
          Writer out = new BufferedWriter(
              new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8), 1 << 16);
          dump(in, out);
          out.flush();
          file.commit();
        }
      }
    }
    return GotraceCommand.EXIT_OK;
  }

  private static void parsedBytes(InputStream in, OutputStream out) throws IOException {
    SemanticReader reader = SemanticReader.open(in, ValidationMode.PARSER);
    for (ParsedEvent e = reader.next(); e != null; e = reader.next()) {
      out.write(e.goBytes());
      out.write('\n');
    }
  }

  private void dump(InputStream in, Writer out) throws IOException {
    if (parsed || json) {
      SemanticReader reader = SemanticReader.open(in, ValidationMode.PARSER);
      for (ParsedEvent e = reader.next(); e != null; e = reader.next()) {
        out.write(json ? CanonicalEvents.toLine(e) : e.toString());
        out.write('\n');
      }
      return;
    }
    RecordReader reader = TraceDecoder.records(in, table);
    TextTraceWriter text = TextTraceWriter.open(out, reader.version(), !wire);
    for (Record r = reader.next(); r != null; r = reader.next()) {
      text.write(r);
    }
  }
}
