package dev.gotrace.cli;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
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

  /** Bytes of a text trace: ASCII, with {@code %NN} standing for one raw byte (hex). */
  private static byte[] textBytes(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '%') {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(text.charAt(i));
      }
    }
    return out.toByteArray();
  }

  @Test
  void assemble_declaredSizes_keepsAWrongSizeAsGosText2bytes() throws IOException {
    byte[] text = textBytes("Trace Go1.26\nEventBatch gen=1 m=5 time=100 size=999\n"
        + "ProcStop dt=1\nProcStop dt=1\nEventBatch gen=1 m=6 time=100 size=0\nProcStop dt=1\n"
        + "EndOfGeneration\n");
    // gotraceoracle text2bytes (raw.TextReader + raw.Writer, go1.26) of the same text.
    byte[] go = HexFormat.of().parseHex("676f20312e323620747261636500000001010564e7070b010b01"
        + "01010664000b0134");

    Cli.Result r = Cli.runWithStdin(text, "assemble", "-", "-o", "-", "--sizes=declared");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(HexFormat.of().formatHex(r.stdoutBytes())).isEqualTo(HexFormat.of().formatHex(go));
    // The default still recomputes both sizes.
    Cli.Result recomputed = Cli.runWithStdin(text, "assemble", "-", "-o", "-");
    assertThat(HexFormat.of().formatHex(recomputed.stdoutBytes()))
        .isEqualTo("676f20312e3236207472616365000000" + "0101056404" + "0b010b01" + "0101066402"
            + "0b01" + "34");
  }

  @Test
  void assemble_declaredSizes_aBatchWithoutSizeGetsTheComputedOne() throws IOException {
    byte[] text = textBytes("Trace Go1.26\nEventBatch gen=1 m=5 time=100\nProcStop dt=1\n"
        + "EndOfGeneration\n");

    Cli.Result r = Cli.runWithStdin(text, "assemble", "-", "-o", "-", "--sizes=declared");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(HexFormat.of().formatHex(r.stdoutBytes()))
        .isEqualTo("676f20312e3236207472616365000000" + "0101056402" + "0b01" + "34");
  }

  @Test
  void assemble_unknownSizes_namesTheChoices() throws IOException {
    Cli.Result r = Cli.run("assemble", dumpOfSample().toString(), "-o",
        dir.resolve("o").toString(), "--sizes=wrong");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("minimal, padded or declared");
  }

  @Test
  void assemble_dataThatIsNotUtf8_isUnquotedByteForByteAsGosText2bytes() throws IOException {
    // A cut UTF-8 sequence (E2 82) between double quotes is two bytes that are not UTF-8, so Go
    // makes two U+FFFD of it; between back quotes the bytes stay as they are.
    byte[] text = textBytes("Trace Go1.26\nEventBatch gen=1 m=5 time=100 size=19\nStrings\n"
        + "String id=1\n"
        + "\tdata=\"a%e2%82b\\x41\"\nString id=2\n\tdata=`%ff%e2%82`\n"
        + "EndOfGeneration\n");
    // gotraceoracle text2bytes (raw.TextReader + raw.Writer, go1.26) of the same bytes.
    String go = "676f20312e323620747261636500000001010564130405010961efbfbdefbfbd6241050203ff"
        + "e28234";

    Cli.Result r = Cli.runWithStdin(text, "assemble", "-", "-o", "-");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(HexFormat.of().formatHex(r.stdoutBytes())).isEqualTo(go);
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
