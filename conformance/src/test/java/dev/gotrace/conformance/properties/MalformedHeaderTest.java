package dev.gotrace.conformance.properties;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.TextTraceReader;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.decoder.WireReader;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceFormatException;
import dev.gotrace.wire.TraceTextException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed file headers are typed errors at the right offset, through every binary entry point
 * and whatever the chunking; the same for the text format's {@code Trace Go1.NN} line.
 */
class MalformedHeaderTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The error from every binary entry point; all must agree on the offset. */
  private static TraceFormatException decodeError(byte[] bytes) {
    TraceFormatException whole = assertThrows(TraceFormatException.class,
        () -> TraceDecoder.decode(bytes));
    TraceFormatException prefixTable = assertThrows(TraceFormatException.class,
        () -> TraceDecoder.decode(bytes, EventTable.VERSION_PREFIX));
    TraceFormatException stream = assertThrows(TraceFormatException.class,
        () -> TraceDecoder.decode(ChunkedInputStream.cycling(bytes, 1)));
    TraceFormatException records = assertThrows(TraceFormatException.class,
        () -> TraceDecoder.records(ChunkedInputStream.cycling(bytes, 3), EventTable.FULL));
    TraceFormatException cursor = assertThrows(TraceFormatException.class,
        () -> WireReader.open(ChunkedInputStream.cycling(bytes, 7), EventTable.FULL));
    for (TraceFormatException e : new TraceFormatException[] {prefixTable, stream, records,
        cursor}) {
      assertThat(e.offset()).isEqualTo(whole.offset());
      assertThat(e.getMessage()).isEqualTo(whole.getMessage());
    }
    return whole;
  }

  @ParameterizedTest
  @EnumSource(TraceVersion.class)
  void everyProperPrefixOfAHeader_failsAtItsEnd(TraceVersion version) {
    byte[] header = version.header();
    for (int n = 0; n < header.length; n++) {
      TraceFormatException e = decodeError(Arrays.copyOf(header, n));
      assertWithMessage("%s bytes of %s: %s", n, version, e.getMessage()).that(e.offset())
          .isEqualTo(n);
      assertThat(e.problem()).isEqualTo("not a Go execution trace");
    }
  }

  @ParameterizedTest
  @EnumSource(TraceVersion.class)
  void aHeaderAlone_isAnEmptyTrace(TraceVersion version) throws Exception {
    Trace t = TraceDecoder.decode(version.header());
    assertThat(t.version()).isEqualTo(version);
    assertThat(t.records()).isEmpty();
    assertThat(TraceDecoder.decode(ChunkedInputStream.cycling(version.header(), 1)))
        .isEqualTo(t);
  }

  @ParameterizedTest
  @ValueSource(ints = {24, 27, 0, 1, 20, 99, 100, 123456789})
  void unsupportedVersions_areReportedAtTheVersionNumber(int number) {
    TraceFormatException e = decodeError(ascii("go 1." + number + " trace\0\0\0"));
    assertThat(e.offset()).isEqualTo(5);
    assertThat(e.problem()).isEqualTo("unknown or unsupported trace version");
    assertThat(e.found()).isEqualTo("go 1." + number);
  }

  @ParameterizedTest
  @ValueSource(ints = {11, 19, 21})
  void v1Versions_sayTheyAreV1(int number) {
    TraceFormatException e = decodeError(ascii("go 1." + number + " trace\0\0\0"));
    assertThat(e.offset()).isEqualTo(5);
    assertThat(e.found()).contains("v1 trace");
  }

  @ParameterizedTest
  @EnumSource(TraceVersion.class)
  void everyHeaderByteChanged_failsAtThatByteOrTheVersion(TraceVersion version) {
    byte[] header = version.header();
    for (int i = 0; i < header.length; i++) {
      for (int v : new int[] {0, ' ', 'x', '7', 0xFF, header[i] ^ 0x20}) {
        if ((byte) v == header[i]) {
          continue;
        }
        byte[] bad = header.clone();
        bad[i] = (byte) v;
        TraceFormatException e = decodeError(bad);
        boolean digit = i == 5 || i == 6;
        String what = "byte " + i + " of " + version + " set to 0x" + Integer.toHexString(v)
            + ": " + e.getMessage();
        if (digit && v >= '0' && v <= '9') {
          // Another version number: reported where the number starts.
          assertWithMessage(what).that(e.offset()).isEqualTo(5);
        } else if (i == 7 && v >= '0' && v <= '9') {
          // A three-digit version: the missing space is found one byte later.
          assertWithMessage(what).that(e.offset()).isEqualTo(8);
        } else if (i == 6 && v == ' ') {
          // "go 1.2  trace": a one-digit version, then a space where 't' belongs.
          assertWithMessage(what).that(e.offset()).isEqualTo(7);
        } else {
          assertWithMessage(what).that(e.offset()).isEqualTo(i);
        }
      }
    }
  }

  @Test
  void longVersionNumbers_areCutAtNineDigits() {
    TraceFormatException e = decodeError(ascii("go 1.1000000000000022 trace\0\0\0"));
    assertThat(e.offset()).isEqualTo(5 + 9);
  }

  @Test
  void leadingZeros_areNotCanonical() {
    // Go's Fscanf reads "022" as 22, but no runtime writes it and it cannot be written back.
    TraceFormatException e = decodeError(ascii("go 1.0000000000000022 trace\0\0\0"));
    assertThat(e.offset()).isEqualTo(5);
    assertThat(e.problem()).isEqualTo("not a Go execution trace");
  }

  @Test
  void otherFiles_areNotTraces() {
    for (String s : new String[] {"", "\0", "GO 1.22 trace\0\0\0", "go1.22 trace\0\0\0",
        "go 1.22 trace\n", "PK\3\4", "\u001f\u008b\b\0", "go 1.22 trace\0\0\1",
        "go 1.-22 trace\0\0\0", "go 1. 22 trace\0\0\0"}) {
      TraceFormatException e = decodeError(ascii(s));
      assertWithMessage("%s: %s", s, e.getMessage()).that(e.offset())
          .isAtMost((long) s.length());
      assertThat(e.problem()).isEqualTo("not a Go execution trace");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n", "Trace", "Trace Go1.21", "Trace Go1.24", "Trace Go1.27",
      "Trace Go1.", "Trace Go1.x", "trace Go1.22", "Trace Go1.22 extra", "Trace Go2.22",
      "Trace Go1.18446744073709551616", "EventBatch gen=1 m=0 time=0 size=0"})
  void badTextHeaders_areReportedOnTheFirstLine(String text) {
    TraceTextException e = assertThrows(TraceTextException.class,
        () -> TextTraceReader.read(text));
    assertWithMessage(e.getMessage()).that(e.line()).isEqualTo(1);
    assertWithMessage(e.getMessage()).that(e.column()).isAtLeast(1);
    assertWithMessage(e.getMessage()).that(e.column())
        .isAtMost(text.split("\n", -1)[0].length() + 1);
  }

  @ParameterizedTest
  @EnumSource(TraceVersion.class)
  void textHeaders_ofEveryVersion_read(TraceVersion version) throws Exception {
    assertThat(TextTraceReader.read(version.textHeader() + "\n").version()).isEqualTo(version);
    assertThat(TextTraceReader.read("# a comment\n\n  " + version.textHeader() + " \t\n")
        .version()).isEqualTo(version);
    // As in Go's raw text reader, a comment may fill a line but not follow the header.
    TraceTextException e = assertThrows(TraceTextException.class,
        () -> TextTraceReader.read(version.textHeader() + " # comment"));
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(version.textHeader().length() + 2);
  }
}
