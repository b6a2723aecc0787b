package dev.gotrace.conformance.oracle;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** What a finished child process left behind: its exit status and everything it wrote. */
record ProcessResult(List<String> command, int exitCode, byte[] stdout, byte[] stderr) {

  String stdoutText() {
    return new String(stdout, StandardCharsets.UTF_8);
  }

  String stderrText() {
    return new String(stderr, StandardCharsets.UTF_8);
  }

  boolean succeeded() {
    return exitCode == 0;
  }

  /** Returns this result if the process exited with 0; fails the test with its stderr otherwise. */
  ProcessResult requireSuccess() {
    if (exitCode != 0) {
      throw new AssertionError(describe());
    }
    return this;
  }

  /** The command line, exit status and (the start of) stderr, for failure messages. */
  String describe() {
    String err = stderrText();
    if (err.length() > 2000) {
      err = err.substring(0, 2000) + "...";
    }
    return String.join(" ", command) + " exited with " + exitCode
        + (err.isEmpty() ? "" : ": " + err);
  }
}
