package dev.gotrace.cli;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gotrace.fixtures.mutate.FuzzSeeds;
import dev.gotrace.text.GoQuote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuzzCommandTest {
  private static final String[] SMALL = {"--random", "1", "--events", "50", "--no-catalog"};

  private static List<FuzzSeeds.Seed> expected() {
    return FuzzSeeds.builder().random(1, 50).catalog(false).build().build();
  }

  private static Cli.Result seeds(String format, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("fuzz", "seeds", "--format", format,
        "-o", out.toString()));
    args.addAll(List.of(SMALL));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(new String[0]));
  }

  @Test
  void libfuzzerIsOneRawFilePerInput(@TempDir Path tmp) throws Exception {
    Cli.Result r = seeds("libfuzzer", tmp);

    assertThat(r.exitCode()).isEqualTo(0);
    List<FuzzSeeds.Seed> seeds = expected();
    assertThat(names(tmp)).containsExactlyElementsIn(
        seeds.stream().map(FuzzSeeds.Seed::name).collect(Collectors.toList()));
    for (FuzzSeeds.Seed s : seeds) {
      assertThat(Files.readAllBytes(tmp.resolve(s.name()))).isEqualTo(s.bytes());
    }
    // Four random traces and one mutant per kind and version (a few coincide or cannot apply).
    assertThat(seeds.size()).isGreaterThan(4 + 100);
  }

  @Test
  void goIsTestdataFuzzInGosEncoding(@TempDir Path tmp) throws Exception {
    Cli.Result r = seeds("go", tmp, "--target", "FuzzParse");

    assertThat(r.exitCode()).isEqualTo(0);
    Path dir = tmp.resolve("testdata/fuzz/FuzzParse");
    for (FuzzSeeds.Seed s : expected()) {
      String file = Files.readString(dir.resolve(s.name()), UTF_8);
      assertThat(file).startsWith("go test fuzz v1\n[]byte(\"");
      assertThat(file).endsWith("\")\n");
      String quoted = file.substring("go test fuzz v1\n[]byte(".length(), file.length() - 2);
      assertThat(GoQuote.unquote(quoted)).isEqualTo(s.bytes());
    }
  }

  @Test
  void jazzerIsTheJunitInputsLayout(@TempDir Path tmp) throws Exception {
    Cli.Result r = seeds("jazzer", tmp, "--target", "com.example.TraceFuzzTest#parse");

    assertThat(r.exitCode()).isEqualTo(0);
    Path dir = tmp.resolve("com/example/TraceFuzzTestInputs/parse");
    assertThat(names(dir)).hasSize(expected().size());
  }

  @Test
  void badFormatOrTargetIsAUsageError(@TempDir Path tmp) {
    Cli.Result f = Cli.run("fuzz", "seeds", "--format", "afl++", "-o", tmp.toString());
    assertThat(f.exitCode()).isEqualTo(2);
    assertThat(f.errLines()).hasSize(1);

    Cli.Result t = Cli.run("fuzz", "seeds", "--format", "go", "--target", "Parse", "-o",
        tmp.toString());
    assertThat(t.exitCode()).isEqualTo(2);
    assertThat(t.err()).contains("FuzzXxx");
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }
  }
}
