package dev.gotrace.conformance.dsl;

import dev.gotrace.fixtures.dsl.javagen.InMemoryJavaCompiler;
import static dev.gotrace.testing.truth.TraceTruth.assertThatBytes;

import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.fixtures.dsl.javagen.TraceToJava;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code to-java} on traces the Go runtime wrote (padded sizes, the runtime's batch order and
 * string numbering): the generated source compiles in-process and rebuilds the same bytes.
 */
final class ToJavaRealTracesTest {
  private static final String PROGRAM = """
      package main

      import (
      \t"os"
      \t"runtime"
      \t"runtime/trace"
      \t"sync"
      )

      func main() {
      \tf, err := os.Create(os.Args[1])
      \tif err != nil {
      \t\tpanic(err)
      \t}
      \tif err := trace.Start(f); err != nil {
      \t\tpanic(err)
      \t}
      \tvar wg sync.WaitGroup
      \tch := make(chan int)
      \tfor i := 0; i < 4; i++ {
      \t\twg.Add(1)
      \t\tgo func() {
      \t\t\tdefer wg.Done()
      \t\t\tfor j := 0; j < 20; j++ {
      \t\t\t\tch <- j
      \t\t\t}
      \t\t}()
      \t}
      \tgo func() { wg.Wait(); close(ch) }()
      \tfor range ch {
      \t}
      \truntime.GC()
      \ttrace.Stop()
      \tf.Close()
      }
      """;

  @TempDir Path dir;

  @Test
  void runtimeTraces_rebuildByteForByte() throws Exception {
    byte[] sample;
    try (InputStream in = getClass().getResourceAsStream("/dev/gotrace/cli/sample-go1.26.trace")) {
      sample = in.readAllBytes();
    }
    Path program = dir.resolve("main.go");
    Files.writeString(program, PROGRAM);
    Path out = dir.resolve("fresh.trace");
    GoTools.run(List.of("go", "run", "-trimpath", program.toString(), out.toString()), 300);
    byte[] fresh = Files.readAllBytes(out);

    String sampleSource = TraceToJava.toJava(TraceDecoder.decode(sample), "gen", "Sample",
        "sample-go1.26.trace").toString();
    String freshSource = TraceToJava.toJava(TraceDecoder.decode(fresh), "gen", "Fresh",
        "fresh.trace").toString();
    ClassLoader loader = InMemoryJavaCompiler.compileAll(
        Map.of("gen.Sample", sampleSource, "gen.Fresh", freshSource));
    assertThatBytes((byte[]) loader.loadClass("gen.Sample").getMethod("bytes").invoke(null))
        .isByteIdenticalTo(sample);
    assertThatBytes((byte[]) loader.loadClass("gen.Fresh").getMethod("bytes").invoke(null))
        .isByteIdenticalTo(fresh);
  }
}
