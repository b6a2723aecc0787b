package dev.gotrace.conformance.properties;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gotrace.decoder.TextTraceReader;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.wire.TraceFormatException;
import dev.gotrace.wire.TraceTextException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The smallest inputs for codec bugs the properties (and the fuzzer) found, as the minimizer left
 * them; each test states the correct behaviour, so a bug that comes back fails here first.
 */
class FixedBugsRegressionTest {
  @Test
  void regression_truncatedExperimentalBatchSize_isAFormatError() {
    // go 1.23 header, then ExperimentalBatch exp=1 gen=1 m=0 time=0 and no size byte.
    byte[] bytes = HexFormat.of().parseHex("676f20312e3233207472616365000000" + "3101010000");
    TraceFormatException e = assertThrows(TraceFormatException.class,
        () -> TraceDecoder.decode(bytes));
    assertThat(e.offset()).isEqualTo(21);
    assertThat(e.getMessage()).contains("size");
  }

  @Test
  void regression_malformedHexEscapeInData_isATextError() {
    for (String data : new String[] {"\"\\x\"", "\"\\xZZ\"", "\"\\x4\""}) {
      String text = "Trace Go1.22\nEventBatch gen=1 m=0 time=0 size=0\nStrings\nString id=1\n"
          + "\tdata=" + data + "\n";
      TraceTextException e = assertThrows(TraceTextException.class,
          () -> TextTraceReader.read(text));
      assertThat(e.line()).isEqualTo(5);
    }
  }

  @Test
  void regression_unterminatedQuotedData_isATextError() {
    // The closing quote is escaped, so the string never ends; Go's reader refuses it.
    String text = "Trace Go1.22\nEventBatch gen=1 m=0 time=0 size=0\nStrings\nString id=1\n"
        + "\tdata=\"a\\\"\n";
    assertThrows(TraceTextException.class, () -> TextTraceReader.read(text));
  }

  @Test
  void regression_textEndingInsideAStack_pointsAtTheEndOfTheText() {
    // Four lines, no newline after the last: the input ends on line 4, after column 20.
    String text = "Trace Go1.22\nEventBatch gen=1 m=0 time=0 size=0\nStacks\n"
        + "Stack id=1 nframes=1";
    TraceTextException e = assertThrows(TraceTextException.class,
        () -> TextTraceReader.read(text));
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(21);

    TraceTextException blank = assertThrows(TraceTextException.class,
        () -> TextTraceReader.read("   "));
    assertThat(blank.line()).isEqualTo(1);
  }
}
