package dev.gotrace.semantic;

import static com.google.common.truth.Truth.assertThat;
import static dev.gotrace.semantic.TestTraces.ev;
import static dev.gotrace.spec.EventType.GO_BLOCK;
import static dev.gotrace.spec.EventType.GO_STATUS;
import static dev.gotrace.spec.EventType.PROC_STATUS;
import static dev.gotrace.spec.EventType.PROC_STOP;
import static dev.gotrace.spec.EventType.STRINGS;
import static dev.gotrace.spec.TraceVersion.GO_1_26;
import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.gotrace.wire.Batch;
import dev.gotrace.wire.Event;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go's {@code Event.String()} for strings that are not UTF-8: {@code %q} escapes each such byte,
 * {@code %s} (a frame's function and file) prints it as it is. SemanticReaderTest covers the rest
 * of the format; the conformance module compares with Go on many random traces.
 */
final class EventFormatterTest {
  private static final long M = 5;

  /** Bytes written as ISO-8859-1 text: each char one byte. */
  private static byte[] raw(String oneCharPerByte) {
    return oneCharPerByte.getBytes(ISO_8859_1);
  }

  @Test
  void quotedStringsEscapeInvalidBytes_frameNamesKeepThem() throws Exception {
    Batch strings = Batch.builder().generation(1).thread(TestTraces.NO_THREAD)
        .add(Event.of(STRINGS))
        .add(Event.string(1, raw("chan\u00ffreceive \u00c3\u00a9")))
        .add(Event.string(2, raw("main.\u00e2\u0082main")))
        .add(Event.string(3, raw("/tmp/\u00ff.go")))
        .build();
    byte[] trace = TestTraces.of(GO_1_26).generation(1, 100)
        .batch(M, 110, ev(PROC_STATUS, 1, 0, 1), ev(GO_STATUS, 1, 1, M, 2),
            ev(GO_BLOCK, 3, 1, 1), ev(PROC_STOP, 2))
        .stack(1, 0x401000, 2, 3, 42)
        .add(strings)
        .end().bytes();
    SemanticReader r = SemanticReader.open(new ByteArrayInputStream(trace));
    List<ParsedEvent> events = new ArrayList<>();
    for (ParsedEvent e = r.next(); e != null; e = r.next()) {
      events.add(e);
    }
    ParsedEvent block = events.get(3);
    String frame = "\tmain.\u00e2\u0082main @ 0x401000\n\t\t/tmp/\u00ff.go:42\n";
    // é (C3 A9) is printable and stays; FF is escaped by %q and copied by %s.
    assertThat(new String(block.goBytes(), ISO_8859_1)).isEqualTo(
        "M=5 P=0 G=1 StateTransition Time=115 GoID=1 Running->Waiting"
            + " Reason=\"chan\\xffreceive \u00c3\u00a9\"\nTransitionStack=\n" + frame
            + "\nStack=\n" + frame);
    // toString is the same text decoded as UTF-8: exact but for the frame's invalid bytes.
    assertThat(block.toString()).contains("Reason=\"chan\\xffreceive \u00e9\"");
    assertThat(block.toString()).contains("\tmain.\ufffdmain @ 0x401000\n\t\t/tmp/\ufffd.go:42");
  }
}
