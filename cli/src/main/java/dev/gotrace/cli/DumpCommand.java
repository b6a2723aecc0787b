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
import java.io.InputStream;
import java.io.Writer;
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

  @Override
  public Integer call() throws Exception {
    Writer out = spec.commandLine().getOut();
    if (parsed || json) {
      try (InputStream in = Inputs.open(file)) {
        SemanticReader reader = SemanticReader.open(in, ValidationMode.PARSER);
        for (ParsedEvent e = reader.next(); e != null; e = reader.next()) {
          out.write(json ? CanonicalEvents.toLine(e) : e.toString());
          out.write('\n');
        }
      } finally {
        out.flush();
      }
      return GotraceCommand.EXIT_OK;
    }
    try (InputStream in = Inputs.open(file)) {
      RecordReader reader = TraceDecoder.records(in, table);
      TextTraceWriter text = TextTraceWriter.open(out, reader.version(), !wire);
      for (Record r = reader.next(); r != null; r = reader.next()) {
        text.write(r);
      }
    } finally {
      out.flush();
    }
    return GotraceCommand.EXIT_OK;
  }
}
