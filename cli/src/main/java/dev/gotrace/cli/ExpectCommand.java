package dev.gotrace.cli;

import dev.gotrace.kit.events.GoVerdict;
import dev.gotrace.kit.harness.ExpectMatcher;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "expect",
    description = {
      "Checks that Go accepts TRACE and that its events match EXPECTED.jsonl: canonical events"
          + " with only the members that matter, matched in order (others may come between);"
          + " \"*\" matches anything, \"$name\" binds on first use and must then be equal."
          + " Exit 0 when all match, 1 otherwise. See docs/CONFORMANCE.md."
    })
final class ExpectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE", description = "The trace ('-' for stdin).")
  String trace;

  @Parameters(index = "1", paramLabel = "EXPECTED.jsonl", description = "The patterns.")
  Path expected;

  @Override
  public Integer call() throws Exception {
    byte[] bytes;
    try (InputStream in = Inputs.open(trace)) {
      bytes = in.readAllBytes();
    }
    List<String> patterns = Files.readAllLines(expected, StandardCharsets.UTF_8);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GoVerdict v = GoVerdict.of(bytes);
    if (!v.accepted()) {
      err.println("gotrace expect: Go rejects the trace: " + v.error().getMessage());
      err.flush();
      return GotraceCommand.EXIT_INVALID_INPUT;
    }
    ExpectMatcher.Result r;
    try {
      r = ExpectMatcher.match(v.canonicalEvents(), patterns);
    } catch (dev.gotrace.kit.events.Json.JsonException e) {
      err.println("gotrace expect: " + expected + ": " + e.getMessage());
      err.flush();
      return GotraceCommand.EXIT_USAGE_OR_IO;
    }
    if (!r.ok()) {
      err.println("gotrace expect: " + r.matched() + " of " + r.patterns() + " patterns matched; "
          + r.failure());
      err.flush();
      return GotraceCommand.EXIT_INVALID_INPUT;
    }
    out.println("ok: " + r.patterns() + " patterns matched " + v.canonicalEvents().size()
        + " events");
    out.flush();
    return GotraceCommand.EXIT_OK;
  }
}
