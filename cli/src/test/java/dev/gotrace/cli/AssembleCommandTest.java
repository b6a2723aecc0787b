package dev.gotrace.cli;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssembleCommandTest {
  @TempDir Path dir;

  @Test
  void assemblePadded_ofTheSamplesDump_reproducesTheRuntimesBytes() throws IOException {
    // The runtime pads batch sizes to ten bytes and writes everything else minimally.
    Path text = dumpOfSample();
    Path out = dir.resolve("padded.trace");

    Cli.Result r = Cli.run("assemble", text.toString(), "-o", out.toString(), "--sizes=padded");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(Files.readAllBytes(out)).isEqualTo(Cli.sample());
  }

  @Test
  void assemble_defaultsToMinimalSizes_asRecodeMinimal() throws IOException {
    Path text = dumpOfSample();
    Path assembled = dir.resolve("assembled.trace");
    Path recoded = dir.resolve("recoded.trace");
    Path sample = Files.write(dir.resolve("sample.trace"), Cli.sample());

    assertThat(Cli.run("assemble", text.toString(), "-o", assembled.toString()).exitCode())
        .isEqualTo(0);
    assertThat(Cli.run("recode", sample.toString(), "-o", recoded.toString(), "--sizes=minimal")
        .exitCode()).isEqualTo(0);

    assertThat(Files.readAllBytes(assembled)).isEqualTo(Files.readAllBytes(recoded));
    assertThat(Files.size(assembled)).isLessThan((long) Cli.sample().length);
  }

  @Test
  void assemble_recomputesAWrongSize() throws IOException {
    String right = "Trace Go1.26\nEventBatch gen=1 m=5 time=100 size=2\nProcStop dt=1\n"
        + "ProcStop dt=1\nEndOfGeneration\n";
    String wrong = right.replace("size=2", "size=999");
    Path a = dir.resolve("a.trace");
    Path b = dir.resolve("b.trace");

    assertThat(Cli.runWithStdin(right.getBytes(UTF_8), "assemble", "-", "-o", a.toString())
        .exitCode()).isEqualTo(0);
    assertThat(Cli.runWithStdin(wrong.getBytes(UTF_8), "assemble", "-", "-o", b.toString())
        .exitCode()).isEqualTo(0);

    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
  }

  @Test
  void assemble_fromStandardInputToStandardOutput() throws IOException {
    byte[] text = Files.readAllBytes(dumpOfSample());

    Cli.Result r = Cli.runWithStdin(text, "assemble", "-", "-o", "-", "--sizes=padded");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.stdoutBytes()).isEqualTo(Cli.sample());
  }

  @Test
  void assemble_badText_isInvalidInput_oneLineWithLineAndColumn() throws IOException {
    Path text = Files.writeString(dir.resolve("bad.txt"),
        "Trace Go1.26\nEventBatch gen=1 m=1 time=1 size=1\nBogus x=1\n", UTF_8);

    Cli.Result r = Cli.run("assemble", text.toString(), "-o", dir.resolve("o").toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("line 3, column 1");
  }

  @Test
  void assemble_withoutOutput_isAUsageError() throws IOException {
    Cli.Result r = Cli.run("assemble", dumpOfSample().toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("--output");
  }

  @Test
  void assemble_preserveSizes_isAUsageError() throws IOException {
    // Text has no varint widths to preserve.
    Cli.Result r = Cli.run("assemble", dumpOfSample().toString(), "-o",
        dir.resolve("o").toString(), "--sizes=preserve");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
  }

  @Test
  void assemble_unwritableOutput_isAnIoError() throws IOException {
    Cli.Result r = Cli.run("assemble", dumpOfSample().toString(), "-o",
        dir.resolve("no/such/dir/out.trace").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
  }

  @Test
  void assemble_missingInput_isAnIoError() {
    Cli.Result r = Cli.run("assemble", dir.resolve("missing.txt").toString(), "-o",
        dir.resolve("o").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("missing.txt");
  }

  private Path dumpOfSample() throws IOException {
    Path sample = Files.write(dir.resolve("sample-in.trace"), Cli.sample());
    Cli.Result dump = Cli.run("dump", sample.toString());
    assertThat(dump.exitCode()).isEqualTo(0);
    return Files.writeString(dir.resolve("sample.txt"), dump.out(), UTF_8);
  }
}
