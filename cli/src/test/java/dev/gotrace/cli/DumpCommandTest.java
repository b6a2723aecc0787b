package dev.gotrace.cli;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpCommandTest {
  /** A go 1.23 thread batch holding one AllocFree event, which only go 1.26's table names. */
  static final String GO123_WITH_SPAN = "Trace Go1.23\n"
      + "EventBatch gen=1 m=1 time=1 size=0\n"
      + "Span dt=1 id=1 npages_value=1 kindclass=1\n";

  @TempDir Path dir;

  @Test
  void dump_sample_printsTheTextFormatWithItsHeaderLine() throws IOException {
    Cli.Result r = Cli.run("dump", sampleFile().toString());

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).isEqualTo("Trace Go1.26");
    assertThat(lines[1]).startsWith("EventBatch gen=1 m=18446744073709551615 time=");
    assertThat(lines[lines.length - 1]).isEqualTo("EndOfGeneration");
    assertThat(r.out()).containsMatch("(?m)^\tdata=\"");
    assertThat(r.out()).endsWith("\n");
  }

  @Test
  void dumpWire_isDumpWithoutTheHeaderLine() throws IOException {
    String text = Cli.run("dump", sampleFile().toString()).out();
    Cli.Result wire = Cli.run("dump", sampleFile().toString(), "--wire");

    assertThat(wire.exitCode()).isEqualTo(0);
    assertThat(wire.out()).isEqualTo(text.substring(text.indexOf('\n') + 1));
  }

  @Test
  void dump_dashReadsStandardInput() throws IOException {
    String fromFile = Cli.run("dump", sampleFile().toString()).out();
    Cli.Result fromStdin = Cli.runWithStdin(Cli.sample(), "dump", "-");

    assertThat(fromStdin.exitCode()).isEqualTo(0);
    assertThat(fromStdin.out()).isEqualTo(fromFile);
  }

  @Test
  void dumpTableVersionPrefix_rejectsAllocFreeEventsBeforeGo126_asGoRawReaderDoes()
      throws IOException {
    Path trace = dir.resolve("go123.trace");
    Path text = dir.resolve("go123.txt");
    Files.writeString(text, GO123_WITH_SPAN, UTF_8);
    assertThat(Cli.run("assemble", text.toString(), "-o", trace.toString()).exitCode())
        .isEqualTo(0);

    Cli.Result full = Cli.run("dump", trace.toString());
    Cli.Result prefix = Cli.run("dump", trace.toString(), "--table", "VERSION_PREFIX");

    assertThat(full.exitCode()).isEqualTo(0);
    assertThat(full.out()).contains("Span dt=1 id=1 npages_value=1 kindclass=1");
    assertThat(prefix.exitCode()).isEqualTo(1);
    assertThat(prefix.errLines()).hasSize(1);
    // Header 16 bytes, then 01 gen m time size (one byte each): the Span is at offset 21.
    assertThat(prefix.err()).contains("offset 21");
    assertThat(prefix.err()).contains("Span (128)");
  }

  @Test
  void dump_emptyFile_isInvalidInputAtOffsetZero() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.trace"));

    Cli.Result r = Cli.run("dump", empty.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("gotrace: offset 0: ");
  }

  @Test
  void dump_truncatedTrace_isInvalidInput_oneLineWithTheOffset() throws IOException {
    byte[] sample = Cli.sample();
    Path cut = dir.resolve("cut.trace");
    Files.write(cut, Arrays.copyOf(sample, 46));

    Cli.Result r = Cli.run("dump", cut.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("offset 46 ");
  }

  @Test
  void dump_missingFile_isAnIoError() {
    Cli.Result r = Cli.run("dump", dir.resolve("missing.trace").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("missing.trace");
  }

  @Test
  void dump_unknownTable_isAUsageError() throws IOException {
    Cli.Result r = Cli.run("dump", sampleFile().toString(), "--table", "SOME");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
  }

  @Test
  void dump_withoutFile_isAUsageError() {
    Cli.Result r = Cli.run("dump");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("FILE");
  }

  private Path sampleFile() throws IOException {
    return Files.write(dir.resolve("sample.trace"), Cli.sample());
  }
}
