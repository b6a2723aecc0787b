package dev.gotrace.cli;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What commands say about inputs that are not traces. */
class InputMessagesTest {
  @TempDir Path dir;

  @Test
  void emptyFile_getsOneMessage_fromDumpValidateAndDumpParsed() throws IOException {
    String empty = Files.createFile(dir.resolve("empty.trace")).toString();
    String expected = "offset 0: not a Go execution trace (expected the header"
        + " \"go 1.NN trace\\x00\\x00\\x00\", found no bytes: the input is empty)";

    Cli.Result dump = Cli.run("dump", empty);
    Cli.Result parsed = Cli.run("dump", "--parsed", empty);
    Cli.Result validate = Cli.run("validate", empty);
    Cli.Result stats = Cli.run("stats", empty);

    assertThat(dump.err()).isEqualTo("gotrace: " + expected + "\n");
    assertThat(parsed.err()).isEqualTo("gotrace: " + expected + "\n");
    assertThat(stats.err()).isEqualTo("gotrace: " + expected + "\n");
    // Go: `go tool trace -d=parsed` of an empty file.
    assertThat(validate.err()).isEqualTo("invalid: " + expected + "\n"
        + "  go: bad file format: not a Go execution trace?\n");
    for (Cli.Result r : new Cli.Result[] {dump, parsed, validate, stats}) {
      assertThat(r.exitCode()).isEqualTo(1);
    }
  }

  @Test
  void directoryArgument_namesThePath() {
    for (String command : new String[] {"dump", "validate", "stats", "to-java"}) {
      Cli.Result r = Cli.run(command, dir.toString());

      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("gotrace: " + dir + ": is a directory, not a trace\n");
    }
  }

  @Test
  void go121HeaderAlone_getsGosOwnMessage() throws IOException {
    // Go 1.24 to 1.26 read v1 traces with their v1 parser; `go tool trace -d=parsed` of these
    // 16 bytes prints "no EvFrequency event".
    for (String v : new String[] {"11", "19", "21"}) {
      Path f = Files.write(dir.resolve("v1.trace"), ("go 1." + v + " trace\0\0\0")
          .getBytes(US_ASCII));

      Cli.Result r = Cli.run("validate", f.toString());

      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).isEqualTo("invalid: offset 5: unsupported trace version (expected"
          + " go 1.22, 1.23, 1.25 or 1.26, found go 1." + v + " (a v1 trace, which gotrace does"
          + " not read))\n  go: no EvFrequency event\n");
    }
  }

  @Test
  void go121HeaderWithEvents_hasNoGoLine_becauseGosMessageDependsOnItsV1Parser()
      throws IOException {
    // Here Go says "EvBatch has wrong number of arguments: got 1, want 2", which only a v1
    // parser can know.
    Path f = Files.write(dir.resolve("v1.trace"), "go 1.21 trace\0\0\0\1\2\3".getBytes(US_ASCII));

    Cli.Result r = Cli.run("validate", f.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("invalid: offset 5: unsupported trace version");
    assertThat(r.err()).doesNotContain("go:");
  }
}
