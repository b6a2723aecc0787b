package dev.gotrace.bench;

import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput in input units, and CPU time. Every benchmark operation processes the whole input
 * trace once and adds here its size, its event count and the CPU time the process spent on it.
 * JMH reports each field divided by the measured wall time:
 *
 * <ul>
 *   <li>{@code bytes}: input bytes per second (the input's bytes, whatever the output's size);
 *   <li>{@code events}: events per second, as Go's raw reader counts them ({@link
 *       TraceStats#rawEvents});
 *   <li>{@code cpuNanos}: CPU nanoseconds per second of the whole process (benchmark thread, GC
 *       and JIT threads). About 1e9 when the benchmark thread had a core to itself and nothing
 *       else ran; more when the collector works in parallel.
 * </ul>
 *
 * <p>{@code bytes / cpuNanos} is throughput per CPU second. On a shared machine, where other
 * processes take the core away now and then, it is far steadier than the wall-clock figures.
 * JMH resets the fields before each iteration.
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class Rates {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  public long bytes;
  public long events;
  public long cpuNanos;

  /** Counts one pass over {@code in}; returns the process CPU time to give to {@link #end}. */
  long begin(TraceInput in) {
    bytes += in.stats.bytes();
    events += in.stats.rawEvents();
    return OS.getProcessCpuTime();
  }

  void end(long cpuAtBegin) {
    cpuNanos += OS.getProcessCpuTime() - cpuAtBegin;
  }
}
