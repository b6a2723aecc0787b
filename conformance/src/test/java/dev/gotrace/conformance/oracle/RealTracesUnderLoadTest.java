package dev.gotrace.conformance.oracle;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The real-program checks, many times over: each round runs every {@link TraceProgram} side by
 * side (as {@link RealTraces} does for the ordinary tests) into fresh traces and checks each
 * against {@link WorkloadExpectations}. Too slow for every build; {@code conformance/stress.sh}
 * runs it with {@code -Dgotrace.stress.runs=N} while other processes keep every core busy.
 */
@EnabledIfSystemProperty(named = "gotrace.stress.runs", matches = "[1-9][0-9]*")
class RealTracesUnderLoadTest {
  @Test
  void everyRoundHoldsWhatEachProgramGuarantees() {
    int rounds = Integer.parseInt(System.getProperty("gotrace.stress.runs"));
    GoToolchain go = GoToolchain.get();
    List<String> failures = new ArrayList<>();
    int cleanRounds = 0;
    for (int round = 1; round <= rounds; round++) {
      Path dir = go.newDir("stress-" + round + "-");
      Map<TraceProgram, CompletableFuture<byte[]>> traces = new EnumMap<>(TraceProgram.class);
      for (TraceProgram p : TraceProgram.values()) {
        traces.put(p, CompletableFuture.supplyAsync(() -> RealTraces.fresh(p, dir),
            GoToolchain.BACKGROUND));
      }
      List<String> unmet = new ArrayList<>();
      for (Map.Entry<TraceProgram, CompletableFuture<byte[]>> e : traces.entrySet()) {
        byte[] bytes = GoToolchain.await(e.getValue(), "tracing " + e.getKey());
        for (String problem : WorkloadExpectations.unmet(e.getKey(), WireCensus.of(bytes))) {
          unmet.add("round " + round + ": " + problem);
        }
      }
      if (unmet.isEmpty()) {
        cleanRounds++;
      }
      failures.addAll(unmet);
      System.out.printf("stress round %d/%d: %s%n", round, rounds,
          unmet.isEmpty() ? "every expectation held" : unmet);
    }
    System.out.printf("stress: %d/%d rounds held every expectation of %d programs%n",
        cleanRounds, rounds, TraceProgram.values().length);
    assertWithMessage("unmet expectations over %s rounds", rounds).that(failures).isEmpty();
    assertThat(cleanRounds).isEqualTo(rounds);
  }
}
