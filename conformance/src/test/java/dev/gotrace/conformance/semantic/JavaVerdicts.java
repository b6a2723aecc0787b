package dev.gotrace.conformance.semantic;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.SemanticReader;
import dev.gotrace.semantic.TraceValidationException;
import dev.gotrace.semantic.TraceValidationException.Stage;
import dev.gotrace.semantic.ValidationMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * gotrace's two verdicts for a trace, in one pass: the first problem that is not the test
 * validator's decides the parser-only verdict (the validator's problems never change what the
 * parser does next), the first problem of any kind the strict one. Also what {@code dump
 * --parsed} prints before the parser-only verdict is decided: the number of events and the
 * FNV-1a hash of their text, as the oracle's {@code judge-stream} counts Go's.
 */
final class JavaVerdicts {
  final Verdict parsed;
  final Verdict full;
  final int events;
  final long hash;

  private JavaVerdicts(Verdict parsed, Verdict full, int events, long hash) {
    this.parsed = parsed;
    this.full = full;
    this.events = events;
    this.hash = hash;
  }

  static JavaVerdicts of(byte[] trace) throws IOException {
    return of(trace, true, null);
  }

  /** Verdicts, and with {@code events} the printed events ({@code events} -1 without). */
  static JavaVerdicts of(byte[] trace, boolean events) throws IOException {
    return of(trace, events, null);
  }

  /** What {@code dump --parsed} prints before the parser-only verdict is decided. */
  static String text(byte[] trace) throws IOException {
    StringBuilder text = new StringBuilder();
    of(trace, true, text);
    return text.toString();
  }

  private static JavaVerdicts of(byte[] trace, boolean print, StringBuilder text)
      throws IOException {
    List<TraceValidationException> problems = new ArrayList<>();
    TraceValidationException[] parser = new TraceValidationException[1];
    SemanticReader r;
    try {
      r = SemanticReader.open(new ByteArrayInputStream(trace), ValidationMode.STRICT, p -> {
        problems.add(p);
        if (parser[0] == null && p.stage() != Stage.VALIDATOR) {
          parser[0] = p;
        }
      });
    } catch (TraceValidationException e) {
      Verdict v = verdict(e);
      return new JavaVerdicts(v, v, print ? 0 : -1, print ? Fnv.EMPTY : 0);
    }
    int events = 0;
    long hash = Fnv.EMPTY;
    // An event returned together with a parser problem comes after it: Go never prints it.
    for (ParsedEvent e = r.next(); e != null && parser[0] == null; e = r.next()) {
      if (print) {
        // Go's exact bytes (frame names that are not UTF-8 stay raw), as dump --parsed prints.
        byte[] line = e.goBytes();
        hash = Fnv.add(Fnv.add(hash, line), NEWLINE);
        events++;
        if (text != null) {
          text.append(e).append('\n');
        }
      }
    }
    if (!print) {
      events = -1;
      hash = 0;
    }
    Verdict parsed = parser[0] == null ? Verdict.OK : verdict(parser[0]);
    Verdict full = problems.isEmpty() ? Verdict.OK : verdict(problems.get(0));
    return new JavaVerdicts(parsed, full, events, hash);
  }

  private static final byte[] NEWLINE = {'\n'};

  private static Verdict verdict(TraceValidationException e) {
    // No Go message (a v1 trace, which Go reads with another parser): nothing can match it.
    String m = e.goMessage() == null ? "" : e.goMessage().replace('\n', ' ').replace('\t', ' ');
    return e.stage() == Stage.PANIC ? Verdict.panic(m) : Verdict.fail(m);
  }

  /** 64-bit FNV-1a, the oracle's {@code hash/fnv} New64a. */
  static final class Fnv {
    static final long EMPTY = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fnv() {}

    static long add(long h, byte[] bytes) {
      for (byte b : bytes) {
        h = (h ^ (b & 0xFF)) * PRIME;
      }
      return h;
    }
  }
}
