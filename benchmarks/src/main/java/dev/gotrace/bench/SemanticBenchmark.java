package dev.gotrace.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validated decoding: {@code SemanticReader} over a whole in-memory trace, every event delivered
 * in Go's order. {@code parser} applies the rules of Go's parser (what {@code gotraceoracle
 * parsecount} measures Go doing on the same bytes); {@code strict} adds Go's test validator.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SemanticBenchmark {
  @Benchmark
  public long parser(TraceInput in, Rates rates) throws Exception {
    long cpu = rates.begin(in);
    long result = Workloads.semantic(in.bytes, false);
    rates.end(cpu);
    return result;
  }

  @Benchmark
  public long strict(TraceInput in, Rates rates) throws Exception {
    long cpu = rates.begin(in);
    long result = Workloads.semantic(in.bytes, true);
    rates.end(cpu);
    return result;
  }
}
