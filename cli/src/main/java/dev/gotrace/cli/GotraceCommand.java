package dev.gotrace.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code gotrace} command. Exit status: 0 success, 1 invalid input (one line on stderr
 * saying where and what), 2 usage or I/O errors (also one line).
 *
 * <p>{@code scope = INHERIT} gives every subcommand {@code -h/--help} and {@code -V/--version}
 * (the standard help options) and {@code --stacktrace}.
 */
@Command(
    name = "gotrace",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = GotraceVersion.class,
    description = "Reads, writes and checks Go execution traces (go 1.22, 1.23, 1.25, 1.26).",
    subcommands = {
      DumpCommand.class,
      AssembleCommand.class,
      RecodeCommand.class,
      StatsCommand.class,
      GenCommand.class,
      MinimizeCommand.class,
      ToJavaCommand.class,
      ValidateCommand.class,
      SuiteCommand.class,
      ConformCommand.class,
      ExpectCommand.class,
      MutateCommand.class,
      FuzzCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GotraceCommand implements Callable<Integer> {
  public static final int EXIT_OK = 0;
  public static final int EXIT_INVALID_INPUT = 1;
  public static final int EXIT_USAGE_OR_IO = 2;
  /** Set to 1 to print a failure's Java stack trace after its one-line message. */
  static final String STACKTRACE_ENV = "GOTRACE_STACKTRACE";

  @Spec CommandSpec spec;

  @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
      description = "After an error's message, print its Java stack trace (also: "
          + STACKTRACE_ENV + "=1).")
  boolean stackTrace;

  @Override
  public Integer call() throws Exception {
    // No subcommand: the main job, stats of the built-in sample trace.
    return StatsCommand.printStats(spec.commandLine().getOut(), null);
  }

  /** The writer {@link #main} gives picocli for the process's standard output. */
  private static PrintWriter processOut;

  public static void main(String[] args) {
    // UTF-8 whatever the locale, as Go's tools write: under LANG=C the platform charset would turn
    // every non-ASCII character of a dump into '?'.
    processOut = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    System.exit(run(args, processOut,
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
  }

  /**
   * {@code System.out} when this command writes to the process's standard output (run from
   * {@link #main}), else {@code null}: an in-process caller gave its own writer, which takes text
   * only.
   */
  static java.io.OutputStream processStdout(CommandSpec spec) {
    PrintWriter out = spec.commandLine().getOut();
    if (processOut == null || out != processOut) {
      return null;
    }
    out.flush();
    return System.out;
  }

  /** Runs the command line with these streams; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, System.getenv());
  }

  /** As {@link #run(String[], PrintWriter, PrintWriter)}, with this environment. */
  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    GotraceCommand root = new GotraceCommand();
    boolean stackTraceFromEnv = "1".equals(env.get(STACKTRACE_ENV));
    int code;
    try {
      CommandLine cl = new CommandLine(root);
      cl.setOut(out);
      cl.setErr(err);
      cl.setExitCodeExceptionMapper(Failures::exitCodeOf);
      cl.setExecutionExceptionHandler((e, cmd, parsed) ->
          Failures.report(e, cmd.getErr(), root.stackTrace || stackTraceFromEnv));
      cl.setParameterExceptionHandler((e, a) -> {
        e.getCommandLine().getErr().println("gotrace: " + e.getMessage().replace('\n', ' ')
            + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
        return EXIT_USAGE_OR_IO;
      });
      code = cl.execute(args);
    } catch (Throwable e) {
      // Errors, OutOfMemoryError above all, pass through picocli's handlers.
      code = Failures.report(e, err, root.stackTrace || stackTraceFromEnv);
    }
    out.flush();
    err.flush();
    return code;
  }
}
