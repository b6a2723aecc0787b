package dev.gotrace.conformance.semantic;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** The normalisation must sort Go's map dumps and nothing else. */
final class GoMessagesTest {
  private static final String FRONTIER = "broken trace: failed to advance: frontier:\n[gen=2]\n\n"
      + "M 7 [GoStart time=50 g=9 g_seq=2]\nM 5 [ProcStart time=40 p=1 p_seq=3]\n\n";

  private static String stuck(String gs, String ps, String ms) {
    return FRONTIER + gs + "\n" + ps + "\n" + ms + "\nGC 3 NotRunning\n\n";
  }

  @Test
  void mapEntriesInAnyOrder_normaliseToIdOrder() {
    String go = stuck(
        "G 10 [status=Waiting seq=1 (gen=2)]\nG 9 [status=Runnable seq=0 (gen=2)]\n",
        "P 1 [status=Idle seq=2 (gen=2)]\nP 0 [status=Running seq=5 (gen=2)]\n",
        "M 7 [g=-1 p=-1]\nM 5 [g=-1 p=0]\n");
    String ours = stuck(
        "G 9 [status=Runnable seq=0 (gen=2)]\nG 10 [status=Waiting seq=1 (gen=2)]\n",
        "P 0 [status=Running seq=5 (gen=2)]\nP 1 [status=Idle seq=2 (gen=2)]\n",
        "M 5 [g=-1 p=0]\nM 7 [g=-1 p=-1]\n");
    assertThat(GoMessages.normalised(go)).isEqualTo(GoMessages.normalised(ours));
    assertThat(GoMessages.normalised(ours)).isEqualTo(ours.replace('\n', ' '));
  }

  @Test
  void anyOtherDifference_remains() {
    String a = stuck("G 9 [status=Runnable seq=0 (gen=2)]\n", "", "M 5 [g=-1 p=0]\n");
    for (String b : new String[] {
        stuck("G 9 [status=Waiting seq=0 (gen=2)]\n", "", "M 5 [g=-1 p=0]\n"),
        stuck("", "", "M 5 [g=-1 p=0]\n"),
        stuck("G 9 [status=Runnable seq=0 (gen=2)]\n", "", "M 5 [g=-1 p=1]\n"),
        a.replace("M 7 [GoStart time=50 g=9 g_seq=2]\nM 5 [ProcStart time=40 p=1 p_seq=3]",
            "M 5 [ProcStart time=40 p=1 p_seq=3]\nM 7 [GoStart time=50 g=9 g_seq=2]"),
        a.replace("GC 3 NotRunning", "GC 3 Running"),
        a.replace("[gen=2]", "[gen=3]")}) {
      assertThat(GoMessages.normalised(b)).isNotEqualTo(GoMessages.normalised(a));
    }
  }

  @Test
  void otherMessages_onlyLoseTheirNewlines() {
    assertThat(GoMessages.normalised("found multiple frequency events"))
        .isEqualTo("found multiple frequency events");
    assertThat(GoMessages.normalised("a\nb\tc")).isEqualTo("a b c");
  }
}
