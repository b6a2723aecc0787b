package dev.gotrace.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The input trace as bytes, loaded once per fork, with its counts. */
@State(Scope.Benchmark)
public class TraceInput {
  /** The trace file; empty means the file in {@code GOTRACE_BENCH_TRACE}. */
  @Param("")
  public String trace;

  byte[] bytes;
  TraceStats stats;

  @Setup(Level.Trial)
  public void load() throws Exception {
    bytes = TraceStats.load(trace);
    stats = TraceStats.of(bytes);
  }
}
