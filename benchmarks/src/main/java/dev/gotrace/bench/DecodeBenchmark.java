package dev.gotrace.bench;

import dev.gotrace.wire.Trace;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a whole in-memory trace: the cursor, the cursor's framing alone, values streamed and
 * values kept.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecodeBenchmark {
  /** {@code WireReader}: every record and event, every value touched. Allocates nothing per event. */
  @Benchmark
  public long cursor(TraceInput in, Rates rates) throws Exception {
    long cpu = rates.begin(in);
    long result = Workloads.cursor(in.bytes);
    rates.end(cpu);
    return result;
  }

  /** {@code WireReader.nextRecord} only: batch headers read, payloads skipped. */
  @Benchmark
  public long cursorRecordsOnly(TraceInput in, Rates rates) throws Exception {
    long cpu = rates.begin(in);
    long result = Workloads.records(in.bytes);
    rates.end(cpu);
    return result;
  }

  /**
   * {@code RecordReader}: every record as a value, each dropped after one look (streaming; the
   * values die young, as Go's raw reader's do).
   */
  @Benchmark
  public long valuesStreaming(TraceInput in, Rates rates) throws Exception {
    long cpu = rates.begin(in);
    long result = Workloads.valuesStreaming(in.bytes);
    rates.end(cpu);
    return result;
  }

  /** {@code TraceDecoder.decode(bytes)}: the whole trace as immutable values. */
  @Benchmark
  public Trace values(TraceInput in, Rates rates) throws Exception {
    long cpu = rates.begin(in);
    Trace result = Workloads.values(in.bytes);
    rates.end(cpu);
    return result;
  }
}
