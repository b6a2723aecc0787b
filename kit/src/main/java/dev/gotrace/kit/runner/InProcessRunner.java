package dev.gotrace.kit.runner;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * A decoder that runs inside this JVM, as a function from a trace's bytes to its {@link
 * Response}. A {@link RuntimeException} or {@link Error} it throws is reported as a crash at the
 * throwing frame. No timeout: a Java decoder that may hang belongs in a {@link StreamRunner}.
 */
public final class InProcessRunner implements DecoderRunner {
  private final String name;
  private final Function<byte[], Response> decoder;

  public InProcessRunner(String name, Function<byte[], Response> decoder) {
    this.name = Objects.requireNonNull(name);
    this.decoder = Objects.requireNonNull(decoder);
  }

  @Override
  public Response run(DecoderInput input) throws IOException {
    long start = System.nanoTime();
    try {
      return decoder.apply(input.bytes());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      StackTraceElement[] st = e.getStackTrace();
      String site = e.getClass().getName() + (st.length > 0 ? " at " + st[0] : "");
      return Response.builder(Outcome.CRASHED).message(String.valueOf(e.getMessage()))
          .crashSite(site).elapsed(Duration.ofNanos(System.nanoTime() - start)).build();
    }
  }

  @Override
  public String describe() {
    return "in-process: " + name;
  }

  @Override
  public void close() {}
}
