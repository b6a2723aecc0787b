package example;

import static com.google.common.truth.Truth.assertThat;
import static dev.gotrace.testing.truth.TraceTruth.assertThatParsed;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * A fixture made from a real trace: {@code AnnotationsTrace} is what {@code gotrace to-java
 * annotations.trace --class AnnotationsTrace --package example} wrote for a go 1.22 runtime trace
 * (src/test/resources/annotations.trace, from the repository's corpus).
 */
class RealTraceFixtureTest {
  @Test
  void theFixture_rebuildsTheRealTrace_byteForByte() throws Exception {
    byte[] real;
    try (InputStream in = getClass().getResourceAsStream("/annotations.trace")) {
      real = in.readAllBytes();
    }
    assertThat(AnnotationsTrace.bytes()).isEqualTo(real);
  }

  @Test
  void theRealTrace_saysWhatTheProgramDid() {
    byte[] bytes = AnnotationsTrace.bytes();
    assertThatParsed(bytes).isValid();
    assertThatParsed(bytes).hasTask("handoff").withParent("root").ended();
    assertThatParsed(bytes).hasRegion("handoff", "receiver");
    assertThatParsed(bytes).hasLog(0, "phase", "start");
    assertThatParsed(bytes).hasLog("handoff", "ending task on another goroutine");
  }
}
