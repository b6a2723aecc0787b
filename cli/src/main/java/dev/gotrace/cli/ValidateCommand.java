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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

  @Option(names = "--max-problems", defaultValue = "100",
      description = "With --all, stop after this many problems (default ${DEFAULT-VALUE}).")
  int maxProblems;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ValidationMode mode = parserOnly ? ValidationMode.PARSER : ValidationMode.STRICT;
    List<TraceValidationException> problems = new ArrayList<>();
    long count = 0;
    int generations = 0;
    String version = "?";
    String endedEarly = null;
    try (InputStream in = Inputs.open(file)) {
      SemanticReader reader = null;
      try {
        reader = all
            ? SemanticReader.open(in, mode, problems::add)
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
          if (problems.size() >= maxProblems) {
            break;
          }
        }
      } catch (TraceValidationException e) {
        problems.add(e);
      }
      endedEarly = reader == null ? null : reader.endedEarly();
    } finally {
      out.flush();
    }
    if (endedEarly != null) {
      err.println("note: " + endedEarly);
    }
    if (problems.isEmpty()) {
      out.println("valid: " + version + " trace, " + count + " events in " + generations
          + " generation" + (generations == 1 ? "" : "s")
          + (parserOnly ? " (parser checks only)" : ""));
      out.flush();
      return GotraceCommand.EXIT_OK;
    }
    for (TraceValidationException p : problems) {
      err.println("invalid: " + p.getMessage());
      err.println("  go: " + p.goMessage().replace('\n', ' '));
    }
    if (problems.size() >= maxProblems && all) {
      err.println("(stopped after " + maxProblems + " problems)");
    }
    err.flush();
    return GotraceCommand.EXIT_INVALID_INPUT;
  }
}
