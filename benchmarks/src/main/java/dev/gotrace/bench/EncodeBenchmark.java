package dev.gotrace.bench;

import dev.gotrace.encoder.VarintLayout;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code TraceWriter.encode} of the decoded input into a new byte array. Rates count the input's
 * bytes: MINIMAL writes fewer (every batch size loses its ten-byte padding).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EncodeBenchmark {
  /** Every varint at its decoded width: the input byte for byte. */
  @Benchmark
  public byte[] preserve(DecodedTrace t, TraceInput in, Rates rates) throws Exception {
    long cpu = rates.begin(in);
    byte[] result = Workloads.encode(t.trace, VarintLayout.PRESERVE);
    rates.end(cpu);
    return result;
  }

  /** Every varint minimal, as Go's raw writer writes. */
  @Benchmark
  public byte[] minimal(DecodedTrace t, TraceInput in, Rates rates) throws Exception {
    long cpu = rates.begin(in);
    byte[] result = Workloads.encode(t.trace, VarintLayout.MINIMAL);
    rates.end(cpu);
    return result;
  }
}
