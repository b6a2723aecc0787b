package dev.gotrace.cli;

import dev.gotrace.fixtures.dsl.TraceDsl;
import dev.gotrace.fixtures.dsl.random.RandomSemanticTraces;
import dev.gotrace.spec.TraceVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "gen",
    description = {
      "Writes a seeded random trace that Go accepts: a random walk over the semantic DSL's"
          + " legal actions. The same seed, version and size always give the same bytes."
    })
final class GenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seed", required = true, description = "The random seed.")
  long seed;

  // Here --version is the trace version, so the standard help options (-h, -V and --version)
  // cannot be inherited from gotrace; the help option is declared instead.
  @Option(names = {"-h", "--help"}, usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--version", defaultValue = "1.26", paramLabel = "1.NN",
      description = "The trace version: 1.22, 1.23, 1.25 or 1.26 (default ${DEFAULT-VALUE}).")
  String version;

  @Option(names = "--events", defaultValue = "1000",
      description = "About how many events (default ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--text", description = "Write Go's raw text format instead of bytes.")
  boolean text;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
      description = "Where to write ('-' for stdout).")
  String output;

  @Override
  public Integer call() throws Exception {
    TraceVersion v = parseVersion(spec, version);
    if (events < 1) {
      throw new ParameterException(spec.commandLine(), "--events must be at least 1");
    }
    TraceDsl t = RandomSemanticTraces.generate(seed, v, events);
    try (Inputs.Output out = Inputs.create(output)) {
      out.stream().write(text ? t.text().getBytes(StandardCharsets.UTF_8) : t.bytes());
      out.commit();
    }
    return GotraceCommand.EXIT_OK;
  }

  static TraceVersion parseVersion(CommandSpec spec, String text) {
    String s = text.startsWith("go") ? text.substring(2).trim() : text;
    if (s.startsWith("1.")) {
      try {
        TraceVersion v = TraceVersion.ofNumber(Long.parseLong(s.substring(2)));
        if (v != null) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new ParameterException(spec.commandLine(),
        "--version must be 1.22, 1.23, 1.25 or 1.26, got " + text);
  }
}
