package dev.gotrace.testing.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks Go's own parser about a trace file: {@code go tool trace -d=parsed FILE}, which reads every
 * event and exits non-zero with Go's error on stderr when the parser rejects the trace (the same check {@code
 * gotrace validate} makes in {@code PARSER} mode, from the other side).
 */
final class GoParserCheck {
  /** What Go said. */
  enum Outcome {
    ACCEPTED,
    REJECTED,
    /** The {@code go} command could not be run. */
    NO_GO
  }

  /**
   * Go's answer and, when it rejects the trace or cannot run, its last line of output.
   *
   * @param outcome accepted, rejected or no Go
   * @param message Go's error, or why Go could not run; "" when accepted
   */
  record Answer(Outcome outcome, String message) {}

  private static final long TIMEOUT_SECONDS = 120;
  private static final int MESSAGE_LINES = 6;

  private final String goCommand;

  GoParserCheck(String goCommand) {
    this.goCommand = goCommand;
  }

  Answer check(Path trace) {
    Process p;
    try {
      // The events go to stdout, Go's error (several lines for a stuck frontier) to stderr.
      p = new ProcessBuilder(List.of(goCommand, "tool", "trace", "-d=parsed", trace.toString()))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return new Answer(Outcome.NO_GO, "cannot run '" + goCommand + "': " + e.getMessage());
    }
    try (InputStream err = p.getErrorStream()) {
      String error = firstLines(err);
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Answer(Outcome.REJECTED, "go tool trace did not finish in "
            + TIMEOUT_SECONDS + " s");
      }
      return p.exitValue() == 0 ? new Answer(Outcome.ACCEPTED, "")
          : new Answer(Outcome.REJECTED, error);
    } catch (IOException e) {
      return new Answer(Outcome.NO_GO, "reading go tool trace's output failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return new Answer(Outcome.NO_GO, "interrupted while go tool trace ran");
    }
  }

  /** Go's error: its first few non-empty lines, joined; the rest is read and dropped. */
  private static String firstLines(InputStream in) throws IOException {
    String all = new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
    in.transferTo(OutputStream.nullOutputStream());
    StringBuilder s = new StringBuilder();
    int kept = 0;
    for (String line : all.split("\n")) {
      if (!line.isBlank() && kept++ < MESSAGE_LINES) {
        s.append(s.length() == 0 ? "" : " ").append(line.strip());
      }
    }
    return s.toString();
  }
}
