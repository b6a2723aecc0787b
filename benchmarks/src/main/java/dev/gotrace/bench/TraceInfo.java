package dev.gotrace.bench;

import dev.gotrace.encoder.VarintLayout;
import dev.gotrace.wire.Trace;

/**
 * Prints what a benchmark input holds, as {@code key=value} lines for {@code run.sh} and the
 * report: the counts of {@link TraceStats}, plus the sizes of the MINIMAL encoding and of the
 * {@code -d=wire} text.
 *
 * <p>usage: {@code java -cp benchmarks.jar dev.gotrace.bench.TraceInfo FILE}
 */
public final class TraceInfo {
  private TraceInfo() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: TraceInfo FILE");
      System.exit(2);
    }
    byte[] bytes = TraceStats.load(args[0]);
    TraceStats s = TraceStats.of(bytes);
    Trace trace = Workloads.values(bytes);
    StringBuilder out = new StringBuilder();
    out.append("version=go1.").append(s.version().number()).append('\n');
    out.append("bytes=").append(s.bytes()).append('\n');
    out.append("generations=").append(s.generations()).append('\n');
    out.append("records=").append(s.records()).append('\n');
    out.append("batches=").append(s.batches()).append('\n');
    out.append("batch_events=").append(s.batchEvents()).append('\n');
    out.append("raw_events=").append(s.rawEvents()).append('\n');
    out.append("strings=").append(s.strings()).append('\n');
    out.append("stacks=").append(s.stacks()).append('\n');
    out.append("frames=").append(s.frames()).append('\n');
    out.append("minimal_bytes=").append(Workloads.encode(trace, VarintLayout.MINIMAL).length)
        .append('\n');
    out.append("text_bytes=").append(Workloads.dumpWire(bytes)).append('\n');
    System.out.print(out);
  }
}
