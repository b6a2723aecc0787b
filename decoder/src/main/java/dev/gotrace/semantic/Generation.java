package dev.gotrace.semantic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything of one generation that ordering needs: its tables, the thread batches grouped by
 * thread in file order (threads in the order their first batch appears, as Go's {@code batchMs}),
 * the CPU samples sorted by time, and the earliest batch time (the time of its Sync event).
 *
 * <p>{@link GenerationReader} fills it; afterwards it is only read.
 */
final class Generation {
  /** The generation number; 0 until the first batch says it. */
  long number;
  final GenerationTables tables = new GenerationTables();
  final Map<Long, List<RawBatch>> threadBatches = new LinkedHashMap<>();
  final List<CpuSample> cpuSamples = new ArrayList<>();
  /** The smallest batch time, in ticks (unsigned), as Go computes it. */
  long minTicks;
  /** Where the generation's first record starts. */
  final long firstOffset;
  final int firstRecord;

  Generation(long firstOffset, int firstRecord) {
    this.firstOffset = firstOffset;
    this.firstRecord = firstRecord;
  }
}
