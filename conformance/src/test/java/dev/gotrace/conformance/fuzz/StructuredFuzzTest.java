package dev.gotrace.conformance.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * {@link StructuredFuzzTarget}'s targets as JUnit fuzz tests: in a normal build each runs on its
 * seeds ({@code StructuredFuzzTestInputs/<target>/}); {@code JAZZER_FUZZ=1 mvn -pl conformance
 * test -Dtest=StructuredFuzzTest#binary} fuzzes one for real (see docs/FUZZING.md).
 */
class StructuredFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void binary(FuzzedDataProvider data) throws Exception {
    StructuredFuzzTarget.run("binary", data);
  }

  @FuzzTest(maxDuration = "30s")
  void semantic(FuzzedDataProvider data) throws Exception {
    StructuredFuzzTarget.run("semantic", data);
  }

  @FuzzTest(maxDuration = "30s")
  void text(FuzzedDataProvider data) throws Exception {
    StructuredFuzzTarget.run("text", data);
  }
}
