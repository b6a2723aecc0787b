package dev.gotrace.semantic;

import static com.google.common.truth.Truth.assertThat;
import static dev.gotrace.semantic.TestTraces.ev;
import static dev.gotrace.spec.EventType.GO_BLOCK;
import static dev.gotrace.spec.EventType.GO_STATUS;
import static dev.gotrace.spec.EventType.PROC_STATUS;
import static dev.gotrace.spec.EventType.PROC_STOP;
import static dev.gotrace.spec.TraceVersion.GO_1_26;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The reader as a resource, an {@link Iterable} and a {@link Stream}. */
final class SemanticReaderIterationTest {
  private static final long M = 5;

  private static byte[] valid() {
    return TestTraces.of(GO_1_26).generation(1, 100)
        .batch(M, 110, ev(PROC_STATUS, 1, 0, 1), ev(GO_STATUS, 1, 1, M, 2),
            ev(GO_BLOCK, 3, 1, 0), ev(PROC_STOP, 2))
        .strings("chan receive").end().bytes();
  }

  private static byte[] broken() {
    return TestTraces.of(GO_1_26).generation(1, 100)
        .batch(M, 110, ev(PROC_STATUS, 1, 0, 1), ev(GO_BLOCK, 3, 1, 0))
        .strings("chan receive").end().bytes();
  }

  /** Records whether it was closed. */
  private static final class Input extends ByteArrayInputStream {
    boolean closed;

    Input(byte[] b) {
      super(b);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static List<String> byNext(byte[] trace) throws IOException {
    List<String> out = new ArrayList<>();
    SemanticReader r = SemanticReader.open(new ByteArrayInputStream(trace));
    for (ParsedEvent e = r.next(); e != null; e = r.next()) {
      out.add(e.toString());
    }
    return out;
  }

  @Test
  void forEach_givesWhatNextGives() throws IOException {
    List<String> iterated = new ArrayList<>();
    try (SemanticReader r = SemanticReader.open(new ByteArrayInputStream(valid()))) {
      for (ParsedEvent e : r) {
        iterated.add(e.toString());
      }
    }
    assertThat(iterated).hasSize(6);
    assertThat(iterated).containsExactlyElementsIn(byNext(valid())).inOrder();
  }

  @Test
  void stream_givesTheSameEvents_andClosingItClosesTheInput() throws IOException {
    Input in = new Input(valid());
    List<String> streamed;
    try (Stream<ParsedEvent> events = SemanticReader.open(in).events()) {
      streamed = events.map(ParsedEvent::toString).collect(Collectors.toList());
      assertThat(in.closed).isFalse();
    }
    assertThat(in.closed).isTrue();
    assertThat(streamed).containsExactlyElementsIn(byNext(valid())).inOrder();
  }

  @Test
  void close_closesTheInput_andEndsReading() throws IOException {
    Input in = new Input(valid());
    SemanticReader r = SemanticReader.open(in);
    assertThat(r.next()).isNotNull();
    r.close();
    assertThat(in.closed).isTrue();
    assertThat(r.next()).isNull();
  }

  @Test
  void aProblem_arrivesAsUncheckedIoException_withTheValidationExceptionAsCause()
      throws IOException {
    SemanticReader r = SemanticReader.open(new ByteArrayInputStream(broken()));
    Iterator<ParsedEvent> it = r.iterator();
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
      while (it.hasNext()) {
        it.next();
      }
    });
    assertThat(e.getCause()).isInstanceOf(TraceValidationException.class);
    TraceValidationException cause = (TraceValidationException) e.getCause();
    assertThat(cause.goMessage()).isEqualTo("expected a goroutine but didn't have one");
    assertThat(e).hasMessageThat().isEqualTo(cause.getMessage());
    // After the problem the iterator is at its end, as next() is.
    assertThat(it.hasNext()).isFalse();
    assertThrows(NoSuchElementException.class, it::next);
  }

  @Test
  void aReaderIsIteratedOnce() throws IOException {
    SemanticReader r = SemanticReader.open(new ByteArrayInputStream(valid()));
    r.iterator();
    IllegalStateException e = assertThrows(IllegalStateException.class, r::iterator);
    assertThat(e).hasMessageThat().contains("read once");
  }
}
