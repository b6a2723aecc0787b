package dev.gotrace.cli;

import dev.gotrace.wire.TraceException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code gotrace} command. Exit status: 0 success, 1 invalid input (one line on stderr
 * saying where and what), 2 usage or I/O errors.
 */
@Command(
    name = "gotrace",
    mixinStandardHelpOptions = true,
    version = "gotrace 0.1.0",
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
      MutateCommand.class,
      FuzzCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GotraceCommand implements Callable<Integer> {
  public static final int EXIT_OK = 0;
  public static final int EXIT_INVALID_INPUT = 1;
  public static final int EXIT_USAGE_OR_IO = 2;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    // No subcommand: the main job, stats of the built-in sample trace.
    return StatsCommand.printStats(spec.commandLine().getOut(), null);
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with these streams; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new GotraceCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(GotraceCommand::exitCodeOf);
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("gotrace: " + describe(e));
      cmd.getErr().flush();
      return exitCodeOf(e);
    });
    cl.setParameterExceptionHandler((e, a) -> {
      e.getCommandLine().getErr().println("gotrace: " + e.getMessage()
          + " (see 'gotrace help " + e.getCommandLine().getCommandName() + "')");
      return EXIT_USAGE_OR_IO;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static int exitCodeOf(Throwable e) {
    return e instanceof TraceException ? EXIT_INVALID_INPUT : EXIT_USAGE_OR_IO;
  }

  private static String describe(Throwable e) {
    if (e instanceof NoSuchFileException) {
      return "no such file: " + e.getMessage();
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.replace('\n', ' ');
  }
}
