package dev.gotrace.semantic;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gotrace.decoder.WireReader;
import dev.gotrace.wire.TraceException;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** What the two readers say about inputs that end at or right after the header. */
final class HeaderMessagesTest {
  @Test
  void emptyInput_sameWordsFromBothReaders() {
    TraceValidationException semantic = assertThrows(TraceValidationException.class,
        () -> SemanticReader.open(new ByteArrayInputStream(new byte[0])));
    TraceException wire = assertThrows(TraceException.class,
        () -> WireReader.open(new ByteArrayInputStream(new byte[0])));

    assertThat(semantic.getMessage()).isEqualTo("offset 0: not a Go execution trace (expected"
        + " the header \"go 1.NN trace\\x00\\x00\\x00\", found no bytes: the input is empty)");
    assertThat(wire.getMessage()).isEqualTo(semantic.getMessage());
    TraceException array = assertThrows(TraceException.class, () -> WireReader.open(new byte[0]));
    assertThat(array.getMessage()).isEqualTo(semantic.getMessage());
    assertThat(semantic.goMessage()).isEqualTo("bad file format: not a Go execution trace?");
  }

  @Test
  void oneByte_isNotCalledEmpty() {
    TraceValidationException e = assertThrows(TraceValidationException.class,
        () -> SemanticReader.open(new ByteArrayInputStream(new byte[] {'x'})));

    assertThat(e.found()).isEqualTo("other bytes");
  }

  @Test
  void v1HeaderAlone_goMessageIsWhatGosV1ParserSays() {
    // `go tool trace -d=parsed` (go 1.24 to 1.26) on these 16 bytes: "no EvFrequency event".
    for (String v : new String[] {"11", "19", "21"}) {
      TraceValidationException e = assertThrows(TraceValidationException.class,
          () -> SemanticReader.open(new ByteArrayInputStream(
              ("go 1." + v + " trace\0\0\0").getBytes(US_ASCII))));

      assertThat(e.goMessage()).isEqualTo("no EvFrequency event");
      assertThat(e.found()).isEqualTo("go 1." + v + " (a v1 trace, which gotrace does not read)");
      assertThat(e.offset()).isEqualTo(5);
    }
  }

  @Test
  void v1HeaderWithMore_hasNoGoMessage() {
    TraceValidationException e = assertThrows(TraceValidationException.class,
        () -> SemanticReader.open(new ByteArrayInputStream(
            "go 1.21 trace\0\0\0\1".getBytes(US_ASCII))));

    assertThat(e.goMessage()).isNull();
    assertThat(e.problem()).isEqualTo("unsupported trace version");
  }

  @Test
  void unknownV2Version_keepsGosMessage() {
    TraceValidationException e = assertThrows(TraceValidationException.class,
        () -> SemanticReader.open(new ByteArrayInputStream(
            "go 1.24 trace\0\0\0".getBytes(US_ASCII))));

    assertThat(e.goMessage()).isEqualTo("unknown or unsupported trace version go 1.24");
  }
}
