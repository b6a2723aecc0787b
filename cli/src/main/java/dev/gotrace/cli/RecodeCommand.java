package dev.gotrace.cli;

import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.RecordReader;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.encoder.EncoderOptions;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.encoder.VarintLayout;
import dev.gotrace.wire.Record;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "recode",
    description = {
      "Decodes a binary trace and writes it back.",
      "--sizes=preserve (the default) reproduces the input byte for byte; padded writes batch"
          + " sizes in ten bytes as the runtime does; minimal writes every varint minimally."
    })
final class RecodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The trace ('-' for stdin).")
  String file;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
      description = "Where to write ('-' for stdout).")
  String output;

  @Option(names = "--sizes", defaultValue = "preserve", description = "preserve, padded or minimal.")
  String sizes;

  @Override
  public Integer call() throws Exception {
    VarintLayout layout;
    try {
      layout = layoutOf(sizes, true);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (InputStream in = Inputs.open(file);
        Inputs.Output out = Inputs.create(output)) {
      RecordReader reader = TraceDecoder.records(in, EventTable.FULL);
      TraceWriter w =
          TraceWriter.open(out.stream(), reader.version(), EncoderOptions.DEFAULTS.withLayout(layout));
      for (Record r = reader.next(); r != null; r = reader.next()) {
        w.write(r);
      }
      w.flush();
      out.commit();
    }
    return GotraceCommand.EXIT_OK;
  }

  static VarintLayout layoutOf(String name, boolean allowPreserve) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "preserve":
        if (allowPreserve) {
          return VarintLayout.PRESERVE;
        }
        break;
      case "padded":
        return VarintLayout.PADDED;
      case "minimal":
        return VarintLayout.MINIMAL;
      default:
        break;
    }
    throw new IllegalArgumentException("--sizes must be "
        + (allowPreserve ? "preserve, padded or minimal" : "minimal or padded") + ", got " + name);
  }
}
