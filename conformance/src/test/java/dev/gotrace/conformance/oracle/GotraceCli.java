package dev.gotrace.conformance.oracle;

import dev.gotrace.cli.GotraceCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/** Runs the {@code gotrace} command in this JVM, capturing what it prints. */
final class GotraceCli {
  private GotraceCli() {}

  /** The outcome of one {@code gotrace} command line. */
  record Result(String commandLine, int exitCode, String out, String err) {
    /** Returns this result if the command exited with 0; fails with its stderr otherwise. */
    Result requireSuccess() {
      if (exitCode != 0) {
        throw new AssertionError(commandLine + " exited with " + exitCode + ": " + err);
      }
      return this;
    }
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GotraceCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result("gotrace " + String.join(" ", Arrays.asList(args)), code, out.toString(),
        err.toString());
  }
}
