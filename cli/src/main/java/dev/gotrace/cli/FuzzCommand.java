package dev.gotrace.cli;

import dev.gotrace.fixtures.mutate.FuzzSeeds;
import dev.gotrace.fixtures.mutate.SeedLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "fuzz",
    description = "Fuzzing helpers: seed corpora for other engines.",
    subcommands = {FuzzCommand.Seeds.class})
final class FuzzCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "a subcommand is needed: seeds");
  }

  @Command(
      name = "seeds",
      description = {
        "Writes a seed corpus for a fuzzing engine: the traces of --corpus, the scenario catalog"
            + " (valid and invalid, every version), seeded random valid traces of every version,"
            + " and one structure-aware mutant per mutation kind and version.",
        "--format go writes testdata/fuzz/TARGET/ in Go's 'go test fuzz v1' encoding (run"
            + " `gotrace fuzz seeds --format go -o .` in the package of TARGET); libfuzzer one raw"
            + " file per input into DIR (libFuzzer, AFL++, cargo-fuzz, Jazzer's driver); jazzer"
            + " the JUnit @FuzzTest layout pkg/ClassInputs/method/ under DIR (a test-resources"
            + " root)."
      })
  static final class Seeds implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "go|libfuzzer|jazzer",
        description = "The engine's layout.")
    String format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
        description = "Where to write (created if missing).")
    Path dir;

    @Option(names = "--target", paramLabel = "NAME",
        description = "go: the fuzz function (default FuzzTrace); jazzer: package.Class#method"
            + " (default TraceFuzzTest#fuzz).")
    String target;

    @Option(names = "--corpus", paramLabel = "DIR",
        description = "Also every *.trace file under DIR (e.g. conformance/corpus).")
    Path corpus;

    @Option(names = "--random", defaultValue = "8",
        description = "Random valid traces per version (default ${DEFAULT-VALUE}).")
    int random;

    @Option(names = "--events", defaultValue = "300",
        description = "About how many events each random trace has (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--seed", defaultValue = "0", description = "The random seed (default 0).")
    long seed;

    @Option(names = "--no-catalog", description = "Leave out the scenario catalog.")
    boolean noCatalog;

    @Option(names = "--no-mutants", description = "Leave out the mutants.")
    boolean noMutants;

    @Override
    public Integer call() throws Exception {
      SeedLayout layout;
      try {
        layout = SeedLayout.valueOf(format.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(),
            "--format must be go, libfuzzer or jazzer, got " + format);
      }
      String t = target != null ? target : layout == SeedLayout.JAZZER ? "TraceFuzzTest#fuzz"
          : "FuzzTrace";
      try {
        layout.directory(dir, t);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--target: " + e.getMessage());
      }
      if (random < 0 || events < 1) {
        throw new ParameterException(spec.commandLine(), "--random >= 0 and --events >= 1");
      }
      FuzzSeeds.Builder b = FuzzSeeds.builder().random(random, events).seed(seed)
          .catalog(!noCatalog).mutants(!noMutants);
      for (FuzzSeeds.Seed s : corpusFiles()) {
        b.add(s);
      }
      List<FuzzSeeds.Seed> seeds = b.build().build();
      Path written = layout.write(seeds, dir, t);
      long bytes = seeds.stream().mapToLong(s -> s.bytes().length).sum();
      spec.commandLine().getErr().printf("fuzz seeds: %d inputs (%d bytes) in %s%n",
          seeds.size(), bytes, written);
      return GotraceCommand.EXIT_OK;
    }

    private List<FuzzSeeds.Seed> corpusFiles() throws IOException {
      List<FuzzSeeds.Seed> out = new ArrayList<>();
      if (corpus == null) {
        return out;
      }
      if (!Files.isDirectory(corpus)) {
        throw new ParameterException(spec.commandLine(), "--corpus: not a directory: " + corpus);
      }
      try (Stream<Path> files = Files.walk(corpus)) {
        for (Path p : (Iterable<Path>) files.sorted()::iterator) {
          if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".trace")) {
            String name = corpus.relativize(p).toString().replace('/', '-');
            out.add(new FuzzSeeds.Seed(name.substring(0, name.length() - ".trace".length()),
                Files.readAllBytes(p)));
          }
        }
      }
      return out;
    }
  }
}
