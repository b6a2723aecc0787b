package dev.gotrace.kit.harness;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** Message agreement: Go's first line, then Go's map dump in any order. */
class SameMessageTest {
  private static final String GO = "failed to advance: frontier:\n"
      + "[gen=1] M 0 [GoStart time=0 g=0 g_seq=0]\n"
      + "G 1 [status=Runnable seq=1 (gen=1)]\n"
      + "G 2 [status=Runnable seq=0 (gen=1)]";

  @Test
  void theDumpMayComeInAnyOrder_andAfterAPrefix() {
    String shuffled = "broken trace: failed to advance: frontier:\n"
        + "G 2 [status=Runnable seq=0 (gen=1)]\n"
        + "[gen=1] M 0 [GoStart time=0 g=0 g_seq=0]\n"
        + "G 1 [status=Runnable seq=1 (gen=1)]\n";
    assertThat(DecoderHarness.sameMessage(shuffled, GO)).isTrue();
  }

  @Test
  void aLineOfTheDumpMissingOrChanged_disagrees() {
    assertThat(DecoderHarness.sameMessage(GO.replace("seq=1", "seq=2"), GO)).isFalse();
    assertThat(DecoderHarness.sameMessage(GO.substring(0, GO.lastIndexOf('\n')), GO)).isFalse();
  }

  @Test
  void anotherFirstLine_disagrees() {
    assertThat(DecoderHarness.sameMessage("failed to read full batch: read 23 but wanted 40",
        "failed to read full batch: read 23 but wanted 41")).isFalse();
    assertThat(DecoderHarness.sameMessage("", "no frequency event found")).isFalse();
  }
}
