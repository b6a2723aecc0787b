package dev.gotrace.conformance.semantic;

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
 * parser does next), the first problem of any kind the strict one.
 */
final class JavaVerdicts {
  final Verdict parsed;
  final Verdict full;

  private JavaVerdicts(Verdict parsed, Verdict full) {
    this.parsed = parsed;
    this.full = full;
  }

  static JavaVerdicts of(byte[] trace) throws IOException {
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
      return new JavaVerdicts(v, v);
    }
    for (ParsedEvent e = r.next(); e != null && parser[0] == null; e = r.next()) {
      // Reading on: the verdicts come from the problems.
    }
    Verdict parsed = parser[0] == null ? Verdict.OK : verdict(parser[0]);
    Verdict full = problems.isEmpty() ? Verdict.OK : verdict(problems.get(0));
    return new JavaVerdicts(parsed, full);
  }

  private static Verdict verdict(TraceValidationException e) {
    // No Go message (a v1 trace, which Go reads with another parser): nothing can match it.
    String m = e.goMessage() == null ? "" : e.goMessage().replace('\n', ' ').replace('\t', ' ');
    return e.stage() == Stage.PANIC ? Verdict.panic(m) : Verdict.fail(m);
  }
}
