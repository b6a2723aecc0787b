package dev.gotrace.cli;

import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.encoder.EncoderOptions;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.fixtures.TraceMinimizer;
import dev.gotrace.wire.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "minimize",
    description = {
      "Shrinks a trace that a command rejects to a smaller trace it still rejects the same way:"
          + " drops generations, batches and runs of events while the check keeps failing.",
      "The check is a command run with the candidate file in place of {} (default:"
          + " go tool trace -d=parsed {}); it 'fails' when it exits non-zero and, with --match,"
          + " its output matches the pattern."
    })
final class MinimizeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The failing trace.")
  String file;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
      description = "Where to write the smaller trace ('-' for stdout).")
  String output;

  @Option(names = "--check", paramLabel = "COMMAND",
      description = "The check, words split on spaces, {} for the candidate file.")
  String check = "go tool trace -d=parsed {}";

  @Option(names = "--match", paramLabel = "REGEX",
      description = "The check's output must also match this (found anywhere).")
  String match;

  @Option(names = "--max-checks", defaultValue = "2000",
      description = "Give up after this many checks (default ${DEFAULT-VALUE}).")
  int maxChecks;

  @Override
  public Integer call() throws Exception {
    Trace trace;
    try (InputStream in = Inputs.open(file)) {
      trace = TraceDecoder.decode(in);
    }
    Pattern pattern = match == null ? null : Pattern.compile(match);
    Path tmp = Files.createTempFile("gotrace-minimize", ".trace");
    try {
      if (!fails(trace, tmp, pattern)) {
        throw new ParameterException(spec.commandLine(), "the check does not fail on " + file
            + "; nothing to minimize");
      }
      TraceMinimizer.Result result = TraceMinimizer.builder().maxPredicateCalls(maxChecks).build()
          .minimize(trace, t -> fails(t, tmp, pattern));
      Trace small = result.trace();
      try (Inputs.Output out = Inputs.create(output)) {
        out.stream().write(encode(small));
        out.commit();
      }
      spec.commandLine().getErr().printf("minimize: %d records, %d events -> %d records,"
          + " %d events (%d checks)%n", trace.records().size(), trace.eventCount(),
          small.records().size(), small.eventCount(), result.predicateCalls());
    } finally {
      Files.deleteIfExists(tmp);
    }
    return GotraceCommand.EXIT_OK;
  }

  private boolean fails(Trace t, Path tmp, Pattern pattern) {
    try {
      Files.write(tmp, encode(t));
      List<String> cmd = new ArrayList<>();
      for (String word : check.trim().split("\\s+")) {
        cmd.add(word.replace("{}", tmp.toString()));
      }
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() != 0
          && (pattern == null || pattern.matcher(new String(out, StandardCharsets.UTF_8)).find());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run the check: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static byte[] encode(Trace t) throws IOException {
    return TraceWriter.encode(t, EncoderOptions.DEFAULTS.withCheckLimits(false));
  }
}
