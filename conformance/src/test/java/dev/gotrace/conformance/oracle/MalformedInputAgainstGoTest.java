package dev.gotrace.conformance.oracle;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.gotrace.conformance.oracle.SampleTraces.ascii;
import static dev.gotrace.conformance.oracle.SampleTraces.concat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.wire.TraceFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed traces: gotrace rejects each with a {@link TraceFormatException} at the offset of the
 * problem, the CLI reports that offset on one line with exit status 1, and Go's full parser
 * ({@code go tool trace -d=parsed}) rejects the same bytes with the message quoted here.
 *
 * <p>Everything except the damage is the CLI's real sample trace, a trace Go reads.
 */
class MalformedInputAgainstGoTest {
  @TempDir Path dir;

  static Stream<Arguments> malformedTraces() {
    byte[] sample = SampleTraces.sample();
    byte[] records = SampleTraces.sampleRecords();
    int firstPayload = SampleTraces.firstPayloadOffset(sample);
    return Stream.of(
        Arguments.of("bad header", concat(ascii("not a go trace\0\0"), records), 0L,
            "bad file format: not a Go execution trace?"),
        // The offset of the version digits: "go 1." is five bytes.
        Arguments.of("unknown version go 1.24", concat(ascii("go 1.24 trace\0\0\0"), records), 5L,
            "unknown or unsupported trace version go 1.24"),
        // Cut in the middle of the first batch's payload: the problem is where the input ends.
        Arguments.of("truncated batch", Arrays.copyOf(sample, firstPayload + 5),
            (long) firstPayload + 5, "failed to read full batch"),
        // The size field says 64 KiB + 1 and the payload is all there: the size is the problem.
        Arguments.of("batch size over 64 KiB", SampleTraces.oversizedBatch(), 20L,
            "invalid batch size 65537, maximum is 65536"),
        Arguments.of("record type that is not a batch",
            concat(ascii("go 1.26 trace\0\0\0"), new byte[] {0x02}, records), 16L,
            "expected batch event, got event 2"),
        // EndOfGeneration is a go 1.26 record; Go 1.25 reads the byte as a batch of generation 0.
        Arguments.of("end of generation in a go 1.25 trace",
            concat(ascii("go 1.25 trace\0\0\0"), new byte[] {0x34}), 16L,
            "invalid generation number 0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedTraces")
  void gotraceRejectsAtTheOffset_andGoRejectsToo(String name, byte[] bytes, long offset,
      String goMessage) throws IOException {
    TraceFormatException e =
        assertThrows(TraceFormatException.class, () -> TraceDecoder.decode(bytes));
    assertWithMessage("%s: %s", name, e.getMessage()).that(e.offset()).isEqualTo(offset);
    assertThat(e.getMessage()).startsWith("offset " + offset);

    Path file = Files.write(dir.resolve("malformed.trace"), bytes);
    GotraceCli.Result cli = GotraceCli.run("dump", file.toString());
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("gotrace: " + e.getMessage() + System.lineSeparator());

    ProcessResult go = GoToolchain.get().goToolTrace("parsed", file);
    assertWithMessage("go tool trace -d=parsed on %s", name).that(go.exitCode()).isNotEqualTo(0);
    assertThat(go.stderrText()).contains(goMessage);
  }
}
