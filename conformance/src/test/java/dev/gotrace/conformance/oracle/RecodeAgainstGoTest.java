package dev.gotrace.conformance.oracle;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.encoder.EncoderOptions;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.encoder.VarintLayout;
import dev.gotrace.wire.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writing real traces back: byte for byte as the runtime wrote them, or minimally exactly as Go's
 * raw writer does, and in either form still a trace Go's parser and validator accept.
 */
class RecodeAgainstGoTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TraceProgram.class)
  void decodeThenEncode_reproducesTheRuntimesBytes(TraceProgram program) throws IOException {
    byte[] original = RealTraces.of(program).bytes();
    Trace trace = TraceDecoder.decode(original);
    byte[] again =
        TraceWriter.encode(trace, EncoderOptions.DEFAULTS.withLayout(VarintLayout.PRESERVE));
    Exactly.sameBytes(program + ": decode then encode (PRESERVE)", original, again);
  }

  @ParameterizedTest
  @EnumSource(TraceProgram.class)
  void recodePreserveAndPadded_reproduceTheRuntimesBytes(TraceProgram program) throws IOException {
    RealTrace trace = RealTraces.of(program);
    // The runtime pads only batch sizes (to ten bytes), so its layout is exactly "padded".
    for (String sizes : new String[] {"preserve", "padded"}) {
      byte[] out = recode(trace, sizes);
      Exactly.sameBytes(program + ": gotrace recode --sizes=" + sizes, trace.bytes(), out);
    }
  }

  @ParameterizedTest
  @EnumSource(TraceProgram.class)
  void recodeMinimal_equalsGoRawWriter(TraceProgram program) throws IOException {
    RealTrace trace = RealTraces.of(program);
    byte[] ours = recode(trace, "minimal");
    byte[] go = trace.goTextToBytes().requireSuccess().stdout();
    Exactly.sameBytes(program + ": gotrace recode --sizes=minimal vs oracle bytes2text|text2bytes",
        go, ours);
  }

  @ParameterizedTest
  @EnumSource(TraceProgram.class)
  void assembleOfOurDump_equalsGoTextToBytesOfTheSameText(TraceProgram program)
      throws IOException {
    RealTrace trace = RealTraces.of(program);
    String text = GotraceCli.run("dump", trace.file().toString()).requireSuccess().out();
    Path textFile = dir.resolve(program + ".txt");
    Files.writeString(textFile, text, UTF_8);
    Path assembled = dir.resolve(program + ".assembled");
    GotraceCli.run("assemble", textFile.toString(), "-o", assembled.toString()).requireSuccess();
    byte[] go = GoToolchain.get().oracle(text.getBytes(UTF_8), "text2bytes").requireSuccess()
        .stdout();
    Exactly.sameBytes(program + ": gotrace assemble vs oracle text2bytes of gotrace's dump", go,
        Files.readAllBytes(assembled));
  }

  @ParameterizedTest
  @EnumSource(TraceProgram.class)
  void minimalRecode_isAcceptedByGoAndParsesToTheSameEvents(TraceProgram program)
      throws IOException {
    RealTrace trace = RealTraces.of(program);
    recode(trace, "minimal");
    Path minimal = dir.resolve(program + ".minimal");
    GoToolchain go = GoToolchain.get();
    ProcessResult validated = go.oracle(Files.readAllBytes(minimal), "validate");
    assertWithMessage("oracle validate of the minimal recode: %s", validated.describe())
        .that(validated.exitCode()).isEqualTo(0);
    ProcessResult parsed = go.goToolTrace("parsed", minimal);
    assertWithMessage("go tool trace -d=parsed of the minimal recode: %s", parsed.describe())
        .that(parsed.exitCode()).isEqualTo(0);
    // Varint widths are invisible to the parser: every event, time and stack is the same.
    ProcessResult original = trace.goParsed().requireSuccess();
    Exactly.sameBytes(program + ": -d=parsed of the minimal recode vs of the original",
        original.stdout(), parsed.stdout());
  }

  @ParameterizedTest
  @EnumSource(TraceProgram.class)
  void originalTrace_isAcceptedByGoValidator(TraceProgram program) {
    // The base line for the tests above: what the runtime wrote is valid to begin with.
    ProcessResult validated = GoToolchain.get().oracle(RealTraces.of(program).bytes(), "validate");
    assertWithMessage("oracle validate: %s", validated.describe())
        .that(validated.exitCode()).isEqualTo(0);
  }

  private byte[] recode(RealTrace trace, String sizes) throws IOException {
    Path out = dir.resolve(trace.program() + "." + sizes);
    GotraceCli.run("recode", trace.file().toString(), "-o", out.toString(), "--sizes=" + sizes)
        .requireSuccess();
    return Files.readAllBytes(out);
  }
}
