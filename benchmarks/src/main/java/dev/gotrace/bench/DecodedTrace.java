package dev.gotrace.bench;

import dev.gotrace.encoder.VarintLayout;
import dev.gotrace.wire.Trace;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The input decoded into values, once per fork, for the benchmarks that start from a model. */
@State(Scope.Benchmark)
public class DecodedTrace {
  Trace trace;

  @Setup(Level.Trial)
  public void decode(TraceInput in) throws Exception {
    trace = Workloads.values(in.bytes);
    // A benchmark of a broken round trip would measure the wrong thing: check it once.
    if (!Arrays.equals(Workloads.encode(trace, VarintLayout.PRESERVE), in.bytes)) {
      throw new IllegalStateException("PRESERVE does not reproduce the input byte for byte");
    }
  }
}
