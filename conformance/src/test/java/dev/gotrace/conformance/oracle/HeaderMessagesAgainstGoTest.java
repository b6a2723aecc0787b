package dev.gotrace.conformance.oracle;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gotrace.semantic.SemanticReader;
import dev.gotrace.semantic.TraceValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs that end at or just after the header: the {@code go:} line of {@code gotrace validate}
 * is the first line Go's {@code go tool trace -d=parsed} prints, or absent where gotrace cannot
 * know it (a v1 trace with events, which Go reads with its v1 parser).
 */
class HeaderMessagesAgainstGoTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "g", "go 1.11 trace\0\0\0", "go 1.19 trace\0\0\0",
      "go 1.21 trace\0\0\0", "go 1.21 trace\0\0\0\1\2\3", "go 1.24 trace\0\0\0"})
  void goLine_isGosFirstLine_orAbsent(String input) throws IOException {
    byte[] bytes = input.getBytes(US_ASCII);
    Path file = Files.write(dir.resolve("header.trace"), bytes);
    TraceValidationException e = assertThrows(TraceValidationException.class,
        () -> SemanticReader.open(new ByteArrayInputStream(bytes)));

    ProcessResult go = GoToolchain.get().goToolTrace("parsed", file);
    GotraceCli.Result cli = GotraceCli.run("validate", file.toString());

    assertWithMessage("go tool trace -d=parsed").that(go.exitCode()).isNotEqualTo(0);
    String goFirstLine = go.stderrText().split("\n", -1)[0];
    assertThat(cli.exitCode()).isEqualTo(1);
    if (e.goMessage() == null) {
      assertWithMessage("only v1 traces have no Go message").that(input).startsWith("go 1.21");
      assertThat(cli.err()).doesNotContain("go:");
    } else {
      assertThat(e.goMessage()).isEqualTo(goFirstLine);
      assertThat(cli.err()).contains(System.lineSeparator() + "  go: " + goFirstLine
          + System.lineSeparator());
    }
  }
}
