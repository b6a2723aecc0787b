package dev.gotrace.cli;

import dev.gotrace.kit.suite.SuiteBuilder;
import dev.gotrace.kit.suite.SuiteCase;
import dev.gotrace.kit.suite.SuiteExporter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "suite",
    description = "The conformance suite: traces with Go's verdicts, for checking any parser.",
    subcommands = {SuiteCommand.Export.class})
final class SuiteCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "export",
      description = {
        "Writes the suite into DIR: valid/ and invalid/ traces by Go version and topic, each with"
            + " its expected events (canonical JSON Lines and Go's Event.String()),"
            + " manifest.json and README.md. The same options give the same bytes."
      })
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Empty, missing, or an earlier export.")
    Path dir;

    @Option(names = "--corpus", paramLabel = "DIR",
        description = "The real-trace corpus (default: conformance/corpus if it exists here).")
    Path corpus;

    @Option(names = "--no-corpus", description = "Leave the real traces out.")
    boolean noCorpus;

    @Option(names = "--corpus-max-bytes", paramLabel = "N",
        description = "Leave out real traces larger than this (default: ${DEFAULT-VALUE}).")
    int corpusMaxBytes = SuiteBuilder.DEFAULT_CORPUS_MAX_BYTES;

    @Option(names = "--random", paramLabel = "N",
        description = "Random valid DSL traces per Go version (default: ${DEFAULT-VALUE}).")
    int random = SuiteBuilder.DEFAULT_RANDOM_PER_VERSION;

    @Option(names = "--mutants", paramLabel = "N",
        description = "Minimised invalid mutants per Go version (default: ${DEFAULT-VALUE}).")
    int mutants = SuiteBuilder.DEFAULT_MUTANTS_PER_VERSION;

    @Override
    public Integer call() throws Exception {
      Path c = corpus;
      if (c == null && !noCorpus && Files.isDirectory(Path.of("conformance/corpus"))) {
        c = Path.of("conformance/corpus");
      }
      if (c != null && !Files.isDirectory(c)) {
        throw new java.nio.file.NoSuchFileException(c.toString());
      }
      List<SuiteCase> cases = SuiteBuilder.create().corpus(noCorpus ? null : c)
          .corpusMaxBytes(corpusMaxBytes)
          .randomPerVersion(random).mutantsPerVersion(mutants).build();
      SuiteExporter.export(cases, dir);
      long valid = cases.stream().filter(SuiteCase::valid).count();
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%d cases (%d valid, %d invalid) written to %s%n", cases.size(), valid,
          cases.size() - valid, dir);
      out.flush();
      return GotraceCommand.EXIT_OK;
    }
  }
}
