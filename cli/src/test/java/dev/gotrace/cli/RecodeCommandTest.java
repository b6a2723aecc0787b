package dev.gotrace.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecodeCommandTest {
  @TempDir Path dir;

  @Test
  void recode_byDefault_preservesTheInputByteForByte() throws IOException {
    Path out = dir.resolve("out.trace");

    Cli.Result r = Cli.run("recode", sampleFile().toString(), "-o", out.toString());

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readAllBytes(out)).isEqualTo(Cli.sample());
  }

  @ParameterizedTest
  @ValueSource(strings = {"preserve", "padded", "PADDED"})
  void recode_preserveOrPadded_reproducesARuntimeTrace(String sizes) throws IOException {
    Path out = dir.resolve("out.trace");

    Cli.Result r = Cli.run("recode", sampleFile().toString(), "-o", out.toString(),
        "--sizes=" + sizes);

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(Files.readAllBytes(out)).isEqualTo(Cli.sample());
  }

  @Test
  void recodeMinimal_dropsOnlyThePadding() throws IOException {
    Path out = dir.resolve("min.trace");

    assertThat(Cli.run("recode", sampleFile().toString(), "-o", out.toString(),
        "--sizes=minimal").exitCode()).isEqualTo(0);

    // 6 batches, each size field 10 bytes instead of 1 or 2: the stats summary counts 51 bytes.
    assertThat(Files.size(out)).isEqualTo(Cli.sample().length - 51L);
    // The values are unchanged, so the text is too.
    assertThat(Cli.run("dump", out.toString()).out())
        .isEqualTo(Cli.run("dump", sampleFile().toString()).out());
  }

  @Test
  void recode_fromStandardInputToStandardOutput() {
    Cli.Result r = Cli.runWithStdin(Cli.sample(), "recode", "-", "-o", "-");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.stdoutBytes()).isEqualTo(Cli.sample());
  }

  @Test
  void recode_invalidInput_isInvalidInput_oneLineWithTheOffset() throws IOException {
    Path cut = Files.write(dir.resolve("cut.trace"), Arrays.copyOf(Cli.sample(), 46));

    Cli.Result r = Cli.run("recode", cut.toString(), "-o", dir.resolve("out").toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("offset 46 ");
    // No partial output: the file appears only when the whole trace was written.
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .containsExactly("cut.trace");
    }
  }

  @Test
  void recode_unknownSizes_isAUsageError() throws IOException {
    Cli.Result r = Cli.run("recode", sampleFile().toString(), "-o",
        dir.resolve("out").toString(), "--sizes=huge");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("huge");
  }

  @Test
  void recode_unwritableOutput_isAnIoError() throws IOException {
    Cli.Result r = Cli.run("recode", sampleFile().toString(), "-o",
        dir.resolve("no/such/dir/out.trace").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
  }

  @Test
  void recode_missingInput_isAnIoError() {
    Cli.Result r = Cli.run("recode", dir.resolve("missing.trace").toString(), "-o",
        dir.resolve("out").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("missing.trace");
  }

  private Path sampleFile() throws IOException {
    return Files.write(dir.resolve("sample.trace"), Cli.sample());
  }
}
