package dev.gotrace.cli;

import dev.gotrace.fixtures.mutate.Mutant;
import dev.gotrace.fixtures.mutate.MutationKind;
import dev.gotrace.fixtures.mutate.MutationLevel;
import dev.gotrace.fixtures.mutate.MutationWeights;
import dev.gotrace.fixtures.mutate.TraceMutator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "mutate",
    description = {
      "Writes structure-aware mutants of a trace: bytes, varints, records and batches, events,"
          + " tables, generations and experiments damaged the way broken writers and hostile"
          + " files do. Each mutant NNNNNN.trace comes with NNNNNN.json saying which mutations"
          + " were applied where (kind, record, event, byte offset, values) and the spec lines"
          + " that re-apply them.",
      "Mutant i is drawn from seed N+i: the same file, seed and options give the same mutants."
    })
final class MutateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The trace to mutate ('-': stdin).")
  String file;

  @Option(names = "--seed", defaultValue = "0", description = "The first seed (default 0).")
  long seed;

  @Option(names = "--count", defaultValue = "100",
      description = "How many mutants (default ${DEFAULT-VALUE}).")
  int count;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "The directory to write into (created if missing).")
  Path dir;

  @Option(names = "--kinds", paramLabel = "KIND,...", split = ",",
      description = "Only these mutation kinds or levels (e.g. EVENT_SEQUENCE,TABLE), at their"
          + " default weights. Default: all.")
  String[] kinds;

  @Option(names = "--steps", defaultValue = "3",
      description = "At most this many mutations per mutant (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--list-kinds", help = true, description = "List the kinds and exit.")
  boolean listKinds;

  @Override
  public Integer call() throws Exception {
    if (listKinds) {
      for (MutationKind k : MutationKind.values()) {
        spec.commandLine().getOut().printf("%-10s %-24s %d  %s%n", k.level(), k, k.defaultWeight(),
            k.summary());
      }
      return GotraceCommand.EXIT_OK;
    }
    if (count < 1 || steps < 1) {
      throw new ParameterException(spec.commandLine(), "--count and --steps must be at least 1");
    }
    TraceMutator mutator = TraceMutator.builder().weights(weights(spec, kinds))
        .steps(steps, steps == 1 ? 0 : 0.3).build();
    byte[] input;
    try (InputStream in = Inputs.open(file)) {
      input = in.readAllBytes();
    }
    Files.createDirectories(dir);
    Map<MutationKind, Integer> used = new EnumMap<>(MutationKind.class);
    String source = file.equals("-") ? "stdin" : Path.of(file).getFileName().toString();
    for (int i = 0; i < count; i++) {
      Mutant m = mutator.mutate(input, seed + i);
      String name = String.format("%06d", i);
      Files.write(dir.resolve(name + ".trace"), m.bytes());
      Files.writeString(dir.resolve(name + ".json"), m.toJson(source), StandardCharsets.UTF_8);
      m.mutations().forEach(x -> used.merge(x.kind(), 1, Integer::sum));
    }
    spec.commandLine().getErr().printf("mutate: %d mutants of %s (%d bytes) in %s; %d kinds"
        + " used%n", count, source, input.length, dir, used.size());
    return GotraceCommand.EXIT_OK;
  }

  /** Default weights, restricted to the named kinds and levels when any are named. */
  static MutationWeights weights(CommandSpec spec, String[] names) {
    if (names == null || names.length == 0) {
      return MutationWeights.defaults();
    }
    MutationWeights.Builder b = MutationWeights.builder();
    for (String raw : names) {
      String n = raw.trim().toUpperCase(Locale.ROOT);
      try {
        MutationKind k = MutationKind.valueOf(n);
        b.weight(k, k.defaultWeight());
        continue;
      } catch (IllegalArgumentException e) {
        // maybe a level
      }
      try {
        MutationLevel level = MutationLevel.valueOf(n);
        for (MutationKind k : MutationKind.values()) {
          if (k.level() == level) {
            b.weight(k, k.defaultWeight());
          }
        }
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--kinds: no mutation kind or level "
            + raw + " (see --list-kinds)");
      }
    }
    return b.build();
  }
}
