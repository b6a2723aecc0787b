package dev.gotrace.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** Go's raw text format, as {@code go tool trace -d=wire} prints it. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TextBenchmark {
  /** {@code TextTraceWriter} over the decoded trace into a counting Appendable: formatting only. */
  @Benchmark
  public long text(DecodedTrace t, TraceInput in, Rates rates) throws Exception {
    long cpu = rates.begin(in);
    long result = Workloads.text(t.trace);
    rates.end(cpu);
    return result;
  }

  /**
   * Bytes to text bytes, streaming, as {@code gotrace dump --wire} does: {@code RecordReader},
   * {@code TextTraceWriter}, a buffered UTF-8 writer into a counting stream.
   */
  @Benchmark
  public long dumpWire(TraceInput in, Rates rates) throws Exception {
    long cpu = rates.begin(in);
    long result = Workloads.dumpWire(in.bytes);
    rates.end(cpu);
    return result;
  }
}
