package dev.gotrace.decoder;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gotrace.encoder.TextTraceWriter;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.EndOfGeneration;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.Frame;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceTextException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTraceReaderTest {
  private static final String GO125_SYNC = String.join("\n",
      "Trace Go1.25",
      "EventBatch gen=1 m=18446744073709551615 time=9 size=16",
      "Sync",
      "Frequency freq=1000000000",
      "ClockSnapshot dt=1 mono=99 sec=1740755049 nsec=123",
      "EventBatch gen=1 m=1 time=15 size=4",
      "ProcStatus dt=1 p=0 pstatus=1",
      "");

  @Test
  void readsGosTextFormat() throws Exception {
    Trace t = TextTraceReader.read(GO125_SYNC);
    assertThat(t.version()).isEqualTo(TraceVersion.GO_1_25);
    Batch sync = (Batch) t.records().get(0);
    assertThat(sync.thread()).isEqualTo(-1L);
    assertThat(sync.events().get(2)).isEqualTo(
        Event.of(EventType.CLOCK_SNAPSHOT, 1, 99, 1740755049, 123));
    assertThat(sync.declaredSize()).isEqualTo(16);
    assertThat(TextTraceWriter.toText(t)).isEqualTo(GO125_SYNC);
  }

  @Test
  void recomputesMissingOrWrongSizes() throws Exception {
    String edited = GO125_SYNC.replace("size=16", "size=3").replace(" size=4", "");
    assertThat(TextTraceWriter.toText(TextTraceReader.read(edited))).isEqualTo(GO125_SYNC);
  }

  @Test
  void skipsBlankLinesAndCommentsAndAcceptsAnyWhiteSpace() throws Exception {
    String text = "# a comment\n\n  Trace\u00a0Go1.25 \r\n"
        + "EventBatch\tgen=1 m=18446744073709551615 time=9 size=16\r\n"
        + "   # indented comment\n"
        + "Sync\nFrequency\u2003freq=1000000000\n"
        + "ClockSnapshot dt=1 mono=99 sec=1740755049 nsec=123\n"
        + "EventBatch gen=1 m=1 time=15 size=4\nProcStatus dt=1 p=0 pstatus=1";
    assertThat(TextTraceWriter.toText(TextTraceReader.read(text))).isEqualTo(GO125_SYNC);
  }

  @Test
  void stacksStringsAndEmptyData() throws Exception {
    Trace t = Trace.builder(TraceVersion.GO_1_26)
        .add(Batch.builder().add(Event.of(EventType.STACKS))
            .add(Event.stack(1, List.of(new Frame(0x401000, 2, 3, 42), new Frame(1, 0, 0, 0))))
            .build())
        .add(Batch.builder().add(Event.of(EventType.STRINGS))
            .add(Event.string(1, "tab\there \"q\"".getBytes(StandardCharsets.UTF_8)))
            .add(Event.string(2, new byte[0]))
            .add(Event.string(3, new byte[] {(byte) 0xff, 0, 10}))
            .build())
        .add(EndOfGeneration.INSTANCE)
        .build();
    String text = TextTraceWriter.toText(t);
    assertThat(text).contains("Stack id=1 nframes=2\n\tpc=4198400 func=2 file=3 line=42\n");
    // Like Go, no data line for empty data; we read that back as empty data.
    assertThat(text).contains("String id=2\nString id=3\n\tdata=\"\\xff\\x00\\n\"\n");
    Trace back = TextTraceReader.read(text);
    assertThat(back).isEqualTo(t);
    assertThat(TraceWriter.encode(back)).isEqualTo(TraceWriter.encode(t));
  }

  @Test
  void errorsCarryLineAndColumn() {
    assertTextError("", 1, 1, "no header line");
    assertTextError("Trace Go1.24\n", 1, 7, "unknown or unsupported trace version");
    assertTextError("Trace Go1.26 x\n", 1, 14, "unexpected text after the header");
    assertTextError("Trace Go1.26\nGoStart dt=1 g=1 g_seq=1\n", 2, 1, "event outside a batch");
    assertTextError("Trace Go1.26\nEventBatch gen=1 m=1 time=1\nGoStart dt=1 g=x g_seq=1\n",
        3, 16, "bad argument value");
    assertTextError("Trace Go1.26\nEventBatch gen=1 m=1 time=1\nGoStart dt=1 gg=1 g_seq=1\n",
        3, 14, "wrong argument name");
    assertTextError("Trace Go1.26\nEventBatch gen=1 m=1 time=1\nGoStart dt=1 g=1\n",
        3, 17, "missing argument");
    assertTextError("Trace Go1.26\nEventBatch gen=1 m=1 time=1\nGoStart dt=1 g=1 g_seq=1 z\n",
        3, 26, "unexpected text");
    assertTextError("Trace Go1.26\nEventBatch gen=1 m=1 time=1\nNoSuchEvent\n",
        3, 1, "unknown event name");
    assertTextError("Trace Go1.26\nEventBatch gen=1 m=1 time=1\nStrings\nGoStop dt=1 reason_string=0"
        + " stack=0\n", 4, 1, "unexpected event type");
    assertTextError("Trace Go1.26\nEventBatch gen=1 m=1 time=1 size=1\nGoStart dt=18446744073709551616"
        + " g=1 g_seq=1\n", 3, 12, "bad argument value");
    assertTextError("Trace Go1.25\nEndOfGeneration\n", 2, 1, "EndOfGeneration in an older trace");
    assertTextError("Trace Go1.26\nEventBatch gen=1 m=1 time=1\nStrings\nString id=1\n"
        + "\tdata=\"abc\n", 5, 11, "bad quoted data");
  }

  private static final String STRINGS_BATCH =
      "Trace Go1.26\nEventBatch gen=1 m=1 time=1\nStrings\nString id=1\n\tdata=";

  /** The data of the one string in {@code STRINGS_BATCH + dataValue}, read from its bytes. */
  private static byte[] dataOf(byte[] dataValue) throws Exception {
    byte[] head = STRINGS_BATCH.getBytes(StandardCharsets.US_ASCII);
    byte[] text = new byte[head.length + dataValue.length];
    System.arraycopy(head, 0, text, 0, head.length);
    System.arraycopy(dataValue, 0, text, head.length, dataValue.length);
    Batch b = (Batch) TextTraceReader.read(text).records().get(0);
    return b.events().get(1).data();
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void dataThatIsNotUtf8_isUnquotedFromItsBytesAsGo() throws Exception {
    // Go's strconv.Unquote: one U+FFFD (EF BF BD) per byte that starts no UTF-8 sequence between
    // double quotes; the bytes themselves between back quotes. Java's UTF-8 decoder would make
    // one U+FFFD of the cut sequence E2 82.
    assertThat(dataOf(bytes('"', 'a', 0xE2, 0x82, 'b', '"')))
        .isEqualTo(bytes('a', 0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD, 'b'));
    assertThat(dataOf(bytes('"', 0xED, 0xA0, 0x80, '"', ' ')))
        .isEqualTo(bytes(0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD));
    assertThat(dataOf(bytes('`', 0xFF, 0xE2, 0x82, '`'))).isEqualTo(bytes(0xFF, 0xE2, 0x82));
    assertThat(dataOf(bytes('"', 0xC3, 0xA9, '\\', 'x', 'f', 'f', '"')))
        .isEqualTo(bytes(0xC3, 0xA9, 0xFF));
    // U+3000 (E3 80 80) is white space around the value, as Go's strings.TrimSpace sees it.
    assertThat(dataOf(bytes(0xE3, 0x80, 0x80, '"', 'x', '"', 0xE3, 0x80, 0x80))).isEqualTo(bytes('x'));
  }

  @Test
  void aReaderIsReadAsItsUtf8_aLoneSurrogateAsThreeBytesThatAreNotUtf8() throws Exception {
    Batch b = (Batch) TextTraceReader.read(STRINGS_BATCH + "\"\uD800\u00e9\"").records().get(0);
    assertThat(b.events().get(1).data())
        .isEqualTo(bytes(0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD, 0xC3, 0xA9));
  }

  @Test
  void badDataThatIsNotUtf8_columnCountsOneCharPerInvalidByte() {
    byte[] text = (STRINGS_BATCH + "\"\u00ff\u00ff\\q\"").getBytes(StandardCharsets.ISO_8859_1);
    TraceTextException e =
        assertThrows(TraceTextException.class, () -> TextTraceReader.read(text));
    // Line 5 is: TAB d a t a = " FF FF \ q ": the q is the 11th character.
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.column()).isEqualTo(11);
    assertThat(e.problem()).contains("bad quoted data");
  }

  @Test
  void badDataWithALoneSurrogateFromAReader_columnCountsItAsOneChar() {
    // The Reader's line is TAB d a t a = " a U+D800 b: 10 chars, the end of input at column 11.
    TraceTextException e = assertThrows(TraceTextException.class,
        () -> TextTraceReader.read(STRINGS_BATCH + "\"a\uD800b"));
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.column()).isEqualTo(11);
  }

  @Test
  void declaredSizes_keepWhatTheTextSays_andTheDefaultRecomputes() throws Exception {
    String text = GO125_SYNC.replace("size=4", "size=77");
    Trace declared = TextTraceReader.open(
        new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)),
        EventTable.FULL, TextTraceReader.BatchSizes.DECLARED).readRemaining();
    Batch b = (Batch) declared.records().get(1);
    assertThat(b.hasSizeOverride()).isTrue();
    assertThat(b.declaredSize()).isEqualTo(77);
    assertThat(b.payloadLength()).isEqualTo(4);
    assertThat(TextTraceWriter.toText(declared)).isEqualTo(text);
    assertThat(((Batch) TextTraceReader.read(text).records().get(1)).declaredSize()).isEqualTo(4);
  }

  @Test
  void readsCpuSamplesAsGo122ToolsSpelledThem() throws Exception {
    String go122 = "Trace Go1.22\nEventBatch gen=1 m=18446744073709551615 time=1 size=7\n"
        + "CPUSamples\nCPUSample time=44 p=11551 g=1 m=11 stack=62\n";
    Batch b = (Batch) TextTraceReader.read(go122).records().get(0);
    // Positional: the runtime wrote m, p, g; Go 1.22 only named them wrongly.
    assertThat(b.events().get(1)).isEqualTo(Event.of(EventType.CPU_SAMPLE, 44, 11551, 1, 11, 62));
    assertThat(TextTraceWriter.toText(TextTraceReader.read(go122)))
        .contains("CPUSample time=44 m=11551 p=1 g=11 stack=62");
  }

  @Test
  void unsignedParsingMatchesGo() {
    assertThat(TextTraceReader.parseUnsigned("18446744073709551615")).isEqualTo(-1L);
    assertThat(TextTraceReader.parseUnsigned("18446744073709551614")).isEqualTo(-2L);
    assertThat(TextTraceReader.parseUnsigned("007")).isEqualTo(7);
    assertThat(TextTraceReader.parseUnsigned("+7")).isEqualTo(-1L);
    assertThat(TextTraceReader.parseUnsigned("")).isEqualTo(-1L);
    assertThat(TextTraceReader.parseUnsigned("18446744073709551620")).isEqualTo(-1L);
  }

  private static void assertTextError(String text, int line, int column, String problem) {
    TraceTextException e = assertThrows(TraceTextException.class, () -> TextTraceReader.read(text));
    assertThat(e.problem()).contains(problem);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(column);
  }
}
