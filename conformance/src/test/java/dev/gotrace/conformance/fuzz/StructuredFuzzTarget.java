package dev.gotrace.conformance.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.encoder.TextTraceWriter;
import dev.gotrace.fixtures.mutate.FuzzChoices;
import dev.gotrace.fixtures.mutate.StructuredTraces;
import dev.gotrace.wire.TraceFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The structure-aware Jazzer targets: the engine's bytes become a valid DSL trace of some version
 * plus mutations ({@link StructuredTraces}), and the reader's property from {@link
 * DecoderFuzzTest} is checked on it. Targets: {@code binary} (both event tables), {@code
 * semantic} (both validation modes), {@code text} (the trace's text dump, with the engine's
 * remaining bytes spliced in).
 *
 * <p>The standalone Jazzer driver calls {@link #fuzzerTestOneInput} with the target named by the
 * system property {@code gotrace.fuzz.target} ({@link JazzerSmokeTest} runs each so); {@link
 * StructuredFuzzTest} holds the same targets as JUnit {@code @FuzzTest}s.
 */
public final class StructuredFuzzTarget {
  public static final String TARGET_PROPERTY = "gotrace.fuzz.target";
  private static final DecoderFuzzTest PROPERTIES = new DecoderFuzzTest();

  private StructuredFuzzTarget() {}

  /**
   * Called by the driver before fuzzing: runs every target on a few seeded choices so that class
   * loading and instrumentation (seconds on a busy machine) do not count against the first
   * input's time limit.
   */
  public static void fuzzerInitialize() throws Exception {
    for (long seed = 0; seed < 3; seed++) {
      for (String target : new String[] {"binary", "semantic", "text"}) {
        run(target, FuzzChoices.seeded(seed));
      }
    }
  }

  public static void fuzzerTestOneInput(FuzzedDataProvider data) throws Exception {
    run(System.getProperty(TARGET_PROPERTY, "binary"), data);
  }

  static void run(String target, FuzzedDataProvider data) throws Exception {
    run(target, FuzzChoices.of(data::consumeInt, data::consumeLong,
        data::consumeRemainingAsBytes));
  }

  private static void run(String target, FuzzChoices c) throws Exception {
    byte[] trace = StructuredTraces.trace(c);
    switch (target) {
      case "binary":
        PROPERTIES.binary(trace);
        break;
      case "semantic":
        PROPERTIES.semantic(trace);
        break;
      case "text":
        PROPERTIES.text(text(trace, c));
        break;
      default:
        throw new IllegalArgumentException("no fuzz target " + target
            + " (binary, semantic, text)");
    }
  }

  /** The trace's text dump (its bytes when it does not decode) with the rest spliced in. */
  private static byte[] text(byte[] trace, FuzzChoices c) throws Exception {
    byte[] text;
    try {
      text = TextTraceWriter.toText(TraceDecoder.decode(trace)).getBytes(StandardCharsets.UTF_8);
    } catch (TraceFormatException e) {
      text = trace;
    }
    int at = c.intInRange(0, text.length);
    byte[] rest = c.remainingBytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + rest.length);
    out.write(text, 0, at);
    out.write(rest, 0, rest.length);
    out.write(text, at, text.length - at);
    return out.toByteArray();
  }
}
