package dev.gotrace.cli;

import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.TextTraceReader;
import dev.gotrace.decoder.TextTraceReader.BatchSizes;
import dev.gotrace.encoder.EncoderOptions;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.encoder.VarintLayout;
import dev.gotrace.wire.Record;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "assemble",
    description = {
      "Turns Go's raw text format into a binary trace (what `gotraceraw text2bytes` does).",
      "A missing or wrong size= is recomputed, so text traces can be edited by hand;"
          + " --sizes=declared keeps each declared size= as written, as text2bytes does, so a"
          + " deliberately wrong size makes a broken trace on purpose."
    })
final class AssembleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TEXT", description = "The text trace ('-' for stdin).")
  String file;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "Where to write the binary trace ('-' for stdout).")
  String output;

  @Option(names = "--sizes", defaultValue = "minimal",
      description = "minimal (recomputed and written minimally, as Go's raw writer, the"
          + " default), padded (recomputed, in ten bytes, as the runtime writes them) or"
          + " declared (each size= kept as written, even when wrong, as text2bytes does; a batch"
          + " line without size= still gets the computed size).")
  String sizes;

  @Override
  public Integer call() throws Exception {
    VarintLayout layout;
    BatchSizes batchSizes = BatchSizes.RECOMPUTE;
    if (sizes.equalsIgnoreCase("declared")) {
      layout = VarintLayout.MINIMAL;
      batchSizes = BatchSizes.DECLARED;
    } else {
      try {
        layout = RecodeCommand.layoutOf(sizes, false);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(),
            "--sizes must be minimal, padded or declared, got " + sizes);
      }
    }
    try (InputStream in = Inputs.open(file);
        Inputs.Output out = Inputs.create(output)) {
      // Bytes, not characters: a data= line need not be UTF-8, and Go unquotes its bytes.
      TextTraceReader reader = TextTraceReader.open(in, EventTable.FULL, batchSizes);
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
}
