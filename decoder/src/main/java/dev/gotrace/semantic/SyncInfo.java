package dev.gotrace.semantic;

import java.util.List;
import java.util.Map;

/**
 * What a {@link EventKind#SYNC} event carries.
 *
 * @param n this is the n-th sync event of the trace (from 1)
 * @param clockSnapshot the generation's clock snapshot, or {@code null} (before go 1.25, and on
 *     the final sync)
 * @param experimentalBatches the generation's experimental batches by experiment name
 */
public record SyncInfo(int n, ClockSnapshot clockSnapshot,
    Map<String, List<ExperimentalBatch>> experimentalBatches) {
  public SyncInfo {
    experimentalBatches = Map.copyOf(experimentalBatches);
  }
}
