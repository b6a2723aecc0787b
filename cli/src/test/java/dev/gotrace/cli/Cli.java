package dev.gotrace.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code gotrace} in this JVM as a user would run it, with standard input and output: the
 * command's text streams are captured, and for {@code -} the process streams are swapped for the
 * duration of the call.
 */
final class Cli {
  static final String SAMPLE = Inputs.SAMPLE_RESOURCE;

  private Cli() {}

  /** What one command line did. */
  record Result(int exitCode, String out, String err, byte[] stdoutBytes) {
    /** The stderr lines; an error must fit on one. */
    List<String> errLines() {
      return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
    }
  }

  static Result run(String... args) {
    return runWithStdin(new byte[0], args);
  }

  /** Runs with this environment (the others run with an empty one, whatever the test's is). */
  static Result runWithEnv(Map<String, String> env, String... args) {
    return run(new byte[0], env, args);
  }

  /**
   * Runs with {@code stdin} as {@code System.in}; what the command writes to {@code System.out}
   * (binary output to {@code -o -}) comes back as {@link Result#stdoutBytes}.
   */
  static Result runWithStdin(byte[] stdin, String... args) {
    return run(stdin, Map.of(), args);
  }

  private static synchronized Result run(byte[] stdin, Map<String, String> env, String... args) {
    InputStream savedIn = System.in;
    PrintStream savedOut = System.out;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try {
      System.setIn(new ByteArrayInputStream(stdin));
      System.setOut(new PrintStream(stdout, true));
      code = GotraceCommand.run(args, new PrintWriter(out), new PrintWriter(err), env);
      System.out.flush();
    } finally {
      System.setIn(savedIn);
      System.setOut(savedOut);
    }
    return new Result(code, out.toString(), err.toString(), stdout.toByteArray());
  }

  /** The built-in sample trace (a real go 1.26 trace). */
  static byte[] sample() {
    try (InputStream in = Cli.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new AssertionError(SAMPLE + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
