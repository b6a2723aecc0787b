package dev.gotrace;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gotrace.fixtures.dsl.Goroutine;
import dev.gotrace.fixtures.dsl.OsThread;
import dev.gotrace.fixtures.dsl.Reasons;
import dev.gotrace.fixtures.dsl.TraceDsl;
import dev.gotrace.fixtures.dsl.scenarios.ScenarioCatalog;
import dev.gotrace.semantic.EventKind;
import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.SemanticReader;
import dev.gotrace.semantic.TraceValidationException.Stage;
import dev.gotrace.semantic.ValidationMode;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GoTracesTest {
  @TempDir Path dir;

  /** G1 creates G7 and blocks on a channel; G7 runs, unblocks G1 and exits. */
  private static byte[] valid(TraceVersion v) {
    TraceDsl t = GoTraces.dsl(v);
    Goroutine main = t.thread(0).holding(t.proc(0)).running(1);
    Goroutine worker = main.create(7);
    main.block(Reasons.CHAN_RECEIVE);
    t.thread(0).run(worker);
    worker.unblock(main).exit();
    return t.bytes();
  }

  /** G1 running on M0, then a GoStart of G1 on M1: Go's parser cannot advance. */
  private static byte[] broken() {
    TraceDsl t = GoTraces.dsl(TraceVersion.GO_1_26);
    t.thread(0).holding(t.proc(0)).running(1);
    OsThread m1 = t.thread(1).holding(t.proc(1));
    m1.rawEvent(EventType.GO_START, 1, 1);
    return t.bytes();
  }

  @Test
  void validate_aValidTrace_isValid_withTheEventsInGoOrder() {
    for (TraceVersion v : TraceVersion.values()) {
      Verdict verdict = GoTraces.validate(valid(v));
      assertThat(verdict.isValid()).isTrue();
      assertThat(verdict.problem()).isEmpty();
      assertThat(verdict.version()).hasValue(v);
      assertThat(verdict.mode()).isEqualTo(ValidationMode.STRICT);
      List<ParsedEvent> events = verdict.events();
      assertThat(events.get(0).kind()).isEqualTo(EventKind.SYNC);
      assertThat(events.get(events.size() - 1).kind()).isEqualTo(EventKind.SYNC);
      long blocks = events.stream().filter(e -> e.kind() == EventKind.STATE_TRANSITION
          && e.stateTransition().reason().equals(Reasons.CHAN_RECEIVE)).count();
      assertThat(blocks).isEqualTo(1);
      assertThat(verdict.toString()).startsWith("valid go 1." + v.number() + " trace");
    }
  }

  @Test
  void validate_aBrokenTrace_givesTheProblem_andTheEventsBeforeIt() {
    Verdict verdict = GoTraces.validate(broken());
    assertThat(verdict.isValid()).isFalse();
    Problem p = verdict.problem().orElseThrow();
    assertThat(p.stage()).isEqualTo(Stage.ORDERING);
    assertThat(p.goMessage()).contains("broken trace: failed to advance");
    assertThat(p.message()).startsWith("offset " + p.offset() + " (record ");
    assertThat(p.position().hasGeneration()).isTrue();
    assertThat(verdict.events()).isNotEmpty();
    assertThat(verdict.toString()).startsWith("rejected (STRICT): ORDERING: offset ");
  }

  @Test
  void validate_notATrace_isAFramingProblemAtOffsetZero() {
    Verdict verdict = GoTraces.validate("hello, world".getBytes(StandardCharsets.UTF_8));
    Problem p = verdict.problem().orElseThrow();
    assertThat(p.stage()).isEqualTo(Stage.FRAMING);
    assertThat(p.offset()).isEqualTo(0);
    assertThat(verdict.version()).isEmpty();
    assertThat(verdict.events()).isEmpty();
  }

  @Test
  void validate_theModeDecides_forWhatOnlyGosTestValidatorRejects() {
    byte[] bytes = ScenarioCatalog.named("empty-label").bytes();
    assertThat(GoTraces.validate(bytes, ValidationMode.PARSER).isValid()).isTrue();
    Problem p = GoTraces.validate(bytes, ValidationMode.STRICT).problem().orElseThrow();
    assertThat(p.stage()).isEqualTo(Stage.VALIDATOR);
    assertThat(p.goMessage()).contains("invalid label \"\"");
  }

  @Test
  void validate_fileAndStream_agreeWithBytes() throws IOException {
    Path file = dir.resolve("broken.trace");
    Files.write(file, broken());
    Problem fromBytes = GoTraces.validate(broken()).problem().orElseThrow();
    assertThat(GoTraces.validate(file).problem()).hasValue(fromBytes);
    assertThat(GoTraces.validate(new ByteArrayInputStream(broken()), ValidationMode.STRICT)
        .problem()).hasValue(fromBytes);
  }

  @Test
  void readAndWrite_roundTripByteForByte_throughBytesFilesAndStreams() throws IOException {
    byte[] bytes = valid(TraceVersion.GO_1_25);
    Trace trace = GoTraces.read(bytes);
    assertThat(trace.version()).isEqualTo(TraceVersion.GO_1_25);
    assertThat(GoTraces.write(trace)).isEqualTo(bytes);
    Path file = dir.resolve("t.trace");
    GoTraces.write(trace, file);
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    assertThat(GoTraces.read(file)).isEqualTo(trace);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GoTraces.write(GoTraces.read(new ByteArrayInputStream(bytes)), out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void read_malformedBytes_throwTheTypedExceptionWithTheOffset() {
    byte[] bytes = valid(TraceVersion.GO_1_22);
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> GoTraces.read(cut));
    assertThat(e.position().offset()).isAtMost(cut.length);
  }

  @Test
  void open_streamsTheSameEventsAsTheVerdict() throws IOException {
    Path file = dir.resolve("v.trace");
    Files.write(file, valid(TraceVersion.GO_1_26));
    List<String> streamed;
    try (SemanticReader r = GoTraces.open(file)) {
      streamed = r.events().map(ParsedEvent::toString).toList();
    }
    assertThat(streamed).containsExactlyElementsIn(GoTraces.validate(file).events().stream()
        .map(ParsedEvent::toString).toList()).inOrder();
  }

  @Test
  void nullArguments_areNamed() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> GoTraces.validate((byte[]) null));
    assertThat(e).hasMessageThat().isEqualTo("bytes == null");
    e = assertThrows(NullPointerException.class, () -> GoTraces.dsl(null));
    assertThat(e).hasMessageThat().isEqualTo("version == null");
  }
}
