package dev.gotrace.cli;

import dev.gotrace.decoder.TextTraceReader;
import dev.gotrace.encoder.EncoderOptions;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.encoder.VarintLayout;
import dev.gotrace.wire.Record;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
      "A missing or wrong size= is recomputed, so text traces can be edited by hand."
    })
final class AssembleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TEXT", description = "The text trace ('-' for stdin).")
  String file;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "Where to write the binary trace ('-' for stdout).")
  String output;

  @Option(names = "--sizes", defaultValue = "minimal",
      description = "minimal (as Go's raw writer, the default) or padded (batch sizes in ten"
          + " bytes, as the runtime writes them).")
  String sizes;

  @Override
  public Integer call() throws Exception {
    VarintLayout layout;
    try {
      layout = RecodeCommand.layoutOf(sizes, false);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (InputStream in = Inputs.open(file);
        Inputs.Output out = Inputs.create(output)) {
      TextTraceReader reader =
          TextTraceReader.open(new InputStreamReader(in, StandardCharsets.UTF_8));
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
