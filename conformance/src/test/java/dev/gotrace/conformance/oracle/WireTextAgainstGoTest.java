package dev.gotrace.conformance.oracle;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code gotrace dump} prints real traces exactly as Go's tools print them: {@code --wire} as
 * {@code go tool trace -d=wire}, and with its {@code Trace Go1.NN} line as Go's raw text writer
 * (the oracle's {@code bytes2text}, which is what Go's own {@code gotraceraw} does).
 */
class WireTextAgainstGoTest {
  @ParameterizedTest
  @EnumSource(TraceProgram.class)
  void dumpWire_equalsGoToolTraceWire(TraceProgram program) {
    RealTrace trace = RealTraces.of(program);
    String ours = GotraceCli.run("dump", trace.file().toString(), "--wire").requireSuccess().out();
    String go = trace.goWire().requireSuccess().stdoutText();
    Exactly.sameText(program + ": gotrace dump --wire vs go tool trace -d=wire", go, ours);
    Exactly.sameBytes(program + ": the same as bytes", go.getBytes(UTF_8), ours.getBytes(UTF_8));
  }

  @ParameterizedTest
  @EnumSource(TraceProgram.class)
  void dump_equalsGoRawTextWriter(TraceProgram program) {
    RealTrace trace = RealTraces.of(program);
    String ours = GotraceCli.run("dump", trace.file().toString()).requireSuccess().out();
    String go = trace.goText().requireSuccess().stdoutText();
    Exactly.sameText(program + ": gotrace dump vs oracle bytes2text", go, ours);
  }
}
