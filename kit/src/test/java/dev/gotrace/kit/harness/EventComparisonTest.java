package dev.gotrace.kit.harness;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventComparisonTest {
  private static final List<String> JSON = List.of(
      "{\"kind\":\"Sync\",\"time\":1,\"m\":-1,\"p\":-1,\"g\":-1,\"n\":1}",
      "{\"kind\":\"Log\",\"time\":5,\"m\":1,\"p\":0,\"g\":3,\"task\":2,\"category\":\"c\","
          + "\"message\":\"h\\u00e9\"}");
  private static final String PARSED = "M=-1 P=-1 G=-1 Sync Time=1 N=1\n"
      + "M=1 P=0 G=3 StateTransition Time=5 Resource=Goroutine(3) Reason=\"\" GoID=3"
      + " Running->Waiting\nTransitionStack=\n\tmain.f @ 0x1\n\t\tf.go:1\n\n";

  @Test
  void canonicalLinesCompareAsJsonValues() {
    // Member order and hex-written strings do not matter.
    String out = "{\"n\":1,\"kind\":\"Sync\",\"time\":1,\"m\":-1,\"p\":-1,\"g\":-1}\n"
        + "{\"kind\":\"Log\",\"time\":5,\"m\":1,\"p\":0,\"g\":3,\"task\":2,\"category\":\"c\","
        + "\"message\":{\"hex\":\"68c3a9\"}}\n";
    assertThat(EventComparison.compare(out, JSON, "")).isNull();
  }

  @Test
  void firstDifferenceIsShownWithBothSides() {
    String out = JSON.get(0) + "\n" + JSON.get(1).replace("\"task\":2", "\"task\":7") + "\n";
    EventComparison.Diff d = EventComparison.compare(out, JSON, "");
    assertThat(d.index()).isEqualTo(1);
    assertThat(d.expected()).contains("\"task\":2");
    assertThat(d.actual()).contains("\"task\":7");
    EventComparison.Diff missing = EventComparison.compare(JSON.get(0) + "\n", JSON, "");
    assertThat(missing.index()).isEqualTo(1);
    assertThat(missing.actual()).isEqualTo("(none)");
    assertThat(EventComparison.compare("{oops\n", JSON, "").actual()).startsWith("not JSON");
  }

  @Test
  void goStringOutputComparesEventByEventWithTheirStacks() {
    assertThat(EventComparison.formOf(PARSED)).isEqualTo(EventComparison.Form.GO_STRING);
    assertThat(EventComparison.compare(PARSED.strip() + "\n", List.of(), PARSED)).isNull();
    EventComparison.Diff d = EventComparison.compare(PARSED.replace("f.go:1", "f.go:2"),
        List.of(), PARSED);
    assertThat(d.index()).isEqualTo(1);
    assertThat(d.actual()).contains("f.go:2");
  }
}
