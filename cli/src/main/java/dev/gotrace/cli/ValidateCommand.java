package dev.gotrace.cli;

import dev.gotrace.semantic.EventKind;
import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.SemanticReader;
import dev.gotrace.semantic.TraceValidationException;
import dev.gotrace.semantic.ValidationMode;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "validate",
    description = {
      "Checks a trace as Go's parser does (plus, by default, Go's test validator) and says where"
          + " and why it is invalid: byte offset, record, generation, event, the thread, proc and"
          + " goroutine, the state found and what the event needed.",
      "Exit status: 0 valid, 1 invalid, 2 usage or I/O error."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The trace ('-' for stdin).")
  String file;

  @Option(names = "--all", description = "Go on past the first problem where possible.")
  boolean all;

  @Option(names = "--events",
      description = "Print every event as it is validated, as `go tool trace -d=parsed` does.")
  boolean events;

  @Option(names = "--parser-only",
      description = "Only what Go's parser checks (the verdict of `go tool trace -d=parsed`),"
          + " without the test validator's checks.")
  boolean parserOnly;

  @Option(names = "--max-problems", defaultValue = "100", paramLabel = "N",
      description = "With --all, stop after N problems (default ${DEFAULT-VALUE}; 0: no limit)."
          + " Stopping early never makes a trace valid: one problem is enough to say invalid.")
  int maxProblems;

  @Override
  public Integer call() throws Exception {
    if (maxProblems < 0) {
      throw new ParameterException(spec.commandLine(),
          "--max-problems must be 0 (no limit) or more, got " + maxProblems);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ValidationMode mode = parserOnly ? ValidationMode.PARSER : ValidationMode.STRICT;
    ProblemList problems = new ProblemList(all ? maxProblems : 1);
    long count = 0;
    int generations = 0;
    String version = "?";
    String endedEarly = null;
    boolean stopped = false;
    try (InputStream in = Inputs.open(file)) {
      SemanticReader reader = null;
      try {
        reader = all
            ? SemanticReader.open(in, mode, problems)
            : SemanticReader.open(in, mode);
        version = "go 1." + reader.version().number();
        for (ParsedEvent e = reader.next(); e != null; e = reader.next()) {
          count++;
          if (e.kind() == EventKind.SYNC && e.position().recordIndex() >= 0) {
            generations++;
          }
          if (events) {
            out.println(e);
          }
          if (problems.full()) {
            stopped = true;
            break;
          }
        }
      } catch (TraceValidationException e) {
        problems.accept(e);
      }
      endedEarly = reader == null ? null : reader.endedEarly();
    } finally {
      out.flush();
    }
    if (endedEarly != null) {
      err.println("note: " + endedEarly);
    }
    if (problems.found() == 0) {
      out.println("valid: " + version + " trace, " + count + " events in " + generations
          + " generation" + (generations == 1 ? "" : "s")
          + (parserOnly ? " (parser checks only)" : ""));
      out.flush();
      return GotraceCommand.EXIT_OK;
    }
    for (TraceValidationException p : problems.kept()) {
      err.println("invalid: " + p.getMessage());
      if (p.goMessage() != null) {
        err.println("  go: " + p.goMessage().replace('\n', ' '));
      }
    }
    if (stopped || problems.found() > problems.kept().size()) {
      err.println("(stopped after the first " + problems.kept().size() + " problem"
          + (problems.kept().size() == 1 ? "" : "s") + "; --max-problems=0 shows all)");
    }
    err.flush();
    return GotraceCommand.EXIT_INVALID_INPUT;
  }

  /**
   * The problems found, keeping the first {@code limit} (0: all). Full once the limit is reached:
   * one reader step can report several problems, so the limit is applied here, not per step.
   */
  static final class ProblemList implements Consumer<TraceValidationException> {
    private final int limit;
    private final List<TraceValidationException> kept = new ArrayList<>();
    private int found;

    ProblemList(int limit) {
      this.limit = limit;
    }

    @Override
    public void accept(TraceValidationException e) {
      found++;
      if (limit == 0 || kept.size() < limit) {
        kept.add(e);
      }
    }

    int found() {
      return found;
    }

    boolean full() {
      return limit != 0 && found >= limit;
    }

    List<TraceValidationException> kept() {
      return kept;
    }
  }
}
