package dev.gotrace.kit.harness;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectMatcherTest {
  private static final List<String> EVENTS = List.of(
      "{\"kind\":\"Sync\",\"time\":1,\"n\":1}",
      "{\"kind\":\"TaskBegin\",\"time\":2,\"id\":7,\"parent\":0,\"type\":\"work\"}",
      "{\"kind\":\"Log\",\"time\":3,\"task\":7,\"category\":\"c\",\"message\":\"m\"}",
      "{\"kind\":\"Log\",\"time\":4,\"task\":9,\"category\":\"d\",\"message\":\"m\"}",
      "{\"kind\":\"TaskEnd\",\"time\":5,\"id\":7,\"parent\":0,\"type\":\"work\"}");

  @Test
  void patternsMatchInOrderWithWildcardsAndVariables() throws Exception {
    ExpectMatcher.Result r = ExpectMatcher.match(EVENTS, List.of(
        "# comment",
        "{\"kind\":\"TaskBegin\",\"id\":\"$t\",\"type\":\"*\"}",
        "{\"kind\":\"Log\",\"task\":\"$t\",\"category\":\"c\"}",
        "{\"kind\":\"TaskEnd\",\"id\":\"$t\"}"));
    assertThat(r.ok()).isTrue();
    assertThat(r.matched()).isEqualTo(3);
  }

  @Test
  void aLogOnTheWrongTaskOrOutOfOrderFails() throws Exception {
    ExpectMatcher.Result wrongTask = ExpectMatcher.match(EVENTS, List.of(
        "{\"kind\":\"TaskBegin\",\"id\":\"$t\"}",
        "{\"kind\":\"Log\",\"task\":\"$t\",\"category\":\"d\"}"));
    assertThat(wrongTask.ok()).isFalse();
    assertThat(wrongTask.matched()).isEqualTo(1);
    assertThat(wrongTask.failure()).contains("pattern line 2");
    assertThat(wrongTask.failure()).contains("\"$t\":7");
    ExpectMatcher.Result order = ExpectMatcher.match(EVENTS, List.of(
        "{\"kind\":\"TaskEnd\"}", "{\"kind\":\"TaskBegin\"}"));
    assertThat(order.ok()).isFalse();
    ExpectMatcher.Result missingMember = ExpectMatcher.match(EVENTS, List.of(
        "{\"kind\":\"Sync\",\"clock_snapshot\":\"*\"}"));
    assertThat(missingMember.ok()).isFalse();
  }
}
