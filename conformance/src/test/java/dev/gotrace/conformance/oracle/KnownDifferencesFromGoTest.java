package dev.gotrace.conformance.oracle;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.gotrace.conformance.oracle.SampleTraces.ascii;
import static dev.gotrace.conformance.oracle.SampleTraces.concat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.wire.TraceFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where gotrace and Go's tools knowingly disagree, pinned from both sides: each test asserts what
 * Go does and what gotrace does, so it fails when either changes and this list needs a look.
 * Most are places where gotrace checks framing that Go's raw tools never look at; one is a Go
 * quirk gotrace reproduces on output and tolerates on input.
 */
class KnownDifferencesFromGoTest {
  private static final HexFormat HEX = HexFormat.of();

  @TempDir Path dir;

  /**
   * Go reads the header with {@code fmt.Fscanf}, where a space matches any run of white space, so
   * it accepts {@code "go  1.26 trace"}, {@code "go\t1.26 trace"} and {@code "go 1. 26 trace"}.
   * gotrace wants the header the runtime writes.
   */
  @Test
  void headerWithExtraWhiteSpace_goAccepts_gotraceRejects() throws IOException {
    for (String header : new String[] {"go  1.26 trace", "go\t1.26 trace", "go 1. 26 trace"}) {
      byte[] bytes = concat(ascii(header + "\0\0\0"), SampleTraces.sampleRecords());
      Path file = Files.write(dir.resolve("spacey.trace"), bytes);
      ProcessResult go = GoToolchain.get().goToolTrace("parsed", file);
      assertWithMessage("Go on %s: %s", header, go.describe()).that(go.exitCode()).isEqualTo(0);
      assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(bytes));
    }
  }

  /**
   * {@code go tool trace -d=wire} reads event after event and never looks at batch framing, so it
   * prints a batch larger than 64 KiB and a top level holding a non-batch record. {@code gotrace
   * dump --wire} checks the framing and rejects both with exit status 1.
   */
  @Test
  void framingErrors_goWirePrints_gotraceDumpWireRejects() throws IOException {
    byte[][] inputs = {
      SampleTraces.oversizedBatch(),
      concat(ascii("go 1.26 trace\0\0\0"), new byte[] {0x02}, SampleTraces.sampleRecords())
    };
    for (byte[] bytes : inputs) {
      Path file = Files.write(dir.resolve("framing.trace"), bytes);
      ProcessResult go = GoToolchain.get().goToolTrace("wire", file);
      assertWithMessage("go tool trace -d=wire: %s", go.describe()).that(go.exitCode())
          .isEqualTo(0);
      assertThat(GotraceCli.run("dump", file.toString(), "--wire").exitCode()).isEqualTo(1);
    }
  }

  /**
   * Go's raw reader stores zero data bytes as a nil slice and its text writer then leaves out the
   * {@code data=} line, which its own text reader requires: Go cannot read back its text of an
   * empty String. gotrace prints the same text and reads it back.
   */
  @Test
  void emptyStringData_goCannotReadItsOwnText_gotraceCan() throws IOException {
    // A strings batch of gen 1 on m 5 at time 100 (size 4): Strings, String id=1 with no bytes.
    byte[] bytes = concat(ascii("go 1.26 trace\0\0\0"), HEX.parseHex("0101056404" + "04050100"),
        new byte[] {0x34});
    Path file = Files.write(dir.resolve("empty-string.trace"), bytes);
    GoToolchain go = GoToolchain.get();

    String goText = go.oracle(bytes, "bytes2text").requireSuccess().stdoutText();
    String ours = GotraceCli.run("dump", file.toString()).requireSuccess().out();
    Exactly.sameText("dump of an empty String", goText, ours);
    assertThat(ours).doesNotContain("data=");

    ProcessResult goBack = go.oracle(goText.getBytes(UTF_8), "text2bytes");
    assertThat(goBack.exitCode()).isEqualTo(1);
    assertThat(goBack.stderrText()).contains("malformed data");
    Path text = Files.writeString(dir.resolve("empty-string.txt"), ours, UTF_8);
    Path back = dir.resolve("back.trace");
    GotraceCli.run("assemble", text.toString(), "-o", back.toString()).requireSuccess();
    Exactly.sameBytes("assemble of the dump", bytes, Files.readAllBytes(back));
  }

  /**
   * The experiment of an ExperimentalBatch is one raw byte to Go's parser and to the runtime,
   * but Go's raw writer writes (and its raw reader reads) a varint. They agree below 128, the
   * only ids that exist; above, gotrace writes the byte the parser reads.
   */
  @Test
  void experimentAbove127_goRawWriterWritesAVarint_gotraceOneByte() throws IOException {
    String text = "Trace Go1.26\nExperimentalBatch exp=200 gen=1 m=5 time=100\n"
        + "\tdata=\"\\x01\\x02\"\nEndOfGeneration\n";
    byte[] go = GoToolchain.get().oracle(text.getBytes(UTF_8), "text2bytes").requireSuccess()
        .stdout();
    Path textFile = Files.writeString(dir.resolve("exp.txt"), text, UTF_8);
    Path out = dir.resolve("exp.trace");
    GotraceCli.run("assemble", textFile.toString(), "-o", out.toString()).requireSuccess();

    String header = HEX.formatHex(ascii("go 1.26 trace\0\0\0"));
    assertThat(HEX.formatHex(go)).isEqualTo(header + "31c801" + "01056402010234");
    assertThat(HEX.formatHex(Files.readAllBytes(out)))
        .isEqualTo(header + "31c8" + "01056402010234");
  }

  /**
   * Go's raw reader ({@code -d=wire}) takes the version's prefix of the event table, which names
   * the AllocFree events only from go 1.26, though Go 1.23-1.25 runtimes write them. {@code gotrace
   * dump} reads thread batches with the full table, as Go's parser does; {@code --table
   * VERSION_PREFIX} behaves as {@code -d=wire}.
   */
  @Test
  void allocFreeEventInGo123_goWireRejects_dumpPrints_dumpVersionPrefixRejects()
      throws IOException {
    // A go 1.23 thread batch (gen 1, m 5, time 100, size 5) with Span dt=1 id=1 npages=1 class=1.
    byte[] bytes = concat(ascii("go 1.23 trace\0\0\0"), HEX.parseHex("0101056405" + "8001010101"));
    Path file = Files.write(dir.resolve("go123-span.trace"), bytes);

    ProcessResult go = GoToolchain.get().goToolTrace("wire", file);
    assertThat(go.exitCode()).isEqualTo(1);
    assertThat(go.stderrText()).contains("invalid event type: 128");
    GotraceCli.Result full = GotraceCli.run("dump", file.toString(), "--wire");
    assertThat(full.exitCode()).isEqualTo(0);
    assertThat(full.out()).contains("Span dt=1 id=1 npages_value=1 kindclass=1");
    GotraceCli.Result prefix =
        GotraceCli.run("dump", file.toString(), "--wire", "--table", "VERSION_PREFIX");
    assertThat(prefix.exitCode()).isEqualTo(1);
    assertThat(prefix.err()).contains("offset 21");
  }

  /**
   * gotrace's text reader checks what Go's raw text reader lets through (an event outside any
   * batch), and reads thread batches with the full table (an AllocFree event in go 1.25 text),
   * where Go's text reader only knows the version's prefix.
   */
  @Test
  void textReader_goAndGotraceDrawTheLineDifferently() throws IOException {
    String outsideBatch = "Trace Go1.26\nProcStatus dt=1 p=0 pstatus=1\n";
    String allocFree125 = "Trace Go1.25\nEventBatch gen=1 m=5 time=100 size=5\n"
        + "Span dt=1 id=1 npages_value=1 kindclass=1\n";
    GoToolchain go = GoToolchain.get();

    assertThat(go.oracle(outsideBatch.getBytes(UTF_8), "text2bytes").exitCode()).isEqualTo(0);
    assertThat(assemble(outsideBatch).exitCode()).isEqualTo(1);
    ProcessResult goAllocFree = go.oracle(allocFree125.getBytes(UTF_8), "text2bytes");
    assertThat(goAllocFree.exitCode()).isEqualTo(1);
    assertThat(goAllocFree.stderrText()).contains("unidentified event: Span");
    assertThat(assemble(allocFree125).exitCode()).isEqualTo(0);
  }

  private GotraceCli.Result assemble(String text) throws IOException {
    Path in = Files.writeString(dir.resolve("in.txt"), text, UTF_8);
    return GotraceCli.run("assemble", in.toString(), "-o", dir.resolve("out.trace").toString());
  }
}
