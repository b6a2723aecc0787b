package dev.gotrace.cli;

import dev.gotrace.kit.adapter.GotraceAdapter;
import dev.gotrace.kit.harness.Baseline;
import dev.gotrace.kit.harness.DecoderHarness;
import dev.gotrace.kit.harness.Scorecard;
import dev.gotrace.kit.report.ReportWriter;
import dev.gotrace.kit.runner.DecoderRunner;
import dev.gotrace.kit.runner.ExecRunner;
import dev.gotrace.kit.runner.StreamRunner;
import dev.gotrace.kit.suite.Suite;
import dev.gotrace.kit.suite.SuiteBuilder;
import dev.gotrace.kit.suite.SuiteExporter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "conform",
    description = "Scores a trace parser, in any language, against Go's verdicts on the suite.",
    subcommands = {ConformCommand.Decoder.class, ConformCommand.Serve.class})
final class ConformCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The protocols of a decoder under test. */
  enum Protocol { exec, stream }

  /** What is compared for accepted traces. */
  enum Events { compare, none }

  @Command(name = "decoder",
      description = {
        "Runs CMD ARGS... FILE for each case (exec protocol; --protocol=stream: one process fed"
            + " framed inputs on stdin) and scores it: exit 0 accept (events on stdout, canonical"
            + " JSON Lines or Go's Event.String()), exit 1 reject (message on stderr), anything"
            + " else a crash, past --timeout a hang. Exit status 0 when every case passes or is"
            + " in the --baseline, 1 otherwise. See docs/CONFORMANCE.md."
      })
  static final class Decoder implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--suite", paramLabel = "DIR",
        description = "An exported suite (default: export the default suite to a temporary"
            + " directory first).")
    Path suite;

    @Option(names = "--protocol", defaultValue = "exec",
        description = "exec (default) or stream.")
    Protocol protocol;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
        description = "Per case (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--events", defaultValue = "compare",
        description = "compare (default): accepted traces must deliver Go's events; none: only"
            + " verdicts are compared.")
    Events events;

    @Option(names = "--versions", paramLabel = "1.NN,...", split = ",",
        description = "The Go versions the decoder supports: 'unsupported version' answers on"
            + " others are no failure.")
    List<String> versions;

    @Option(names = "--ignore-kind", paramLabel = "KIND",
        description = "Leave events of this kind (Go's name, e.g. Sync) out of the comparison;"
            + " repeatable.")
    List<String> ignoreKinds = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE",
        description = "Accepted differences, one 'CASE-ID CATEGORY' a line.")
    Path baseline;

    @Option(names = "--report", paramLabel = "DIR",
        description = "Write report.json, junit.xml, index.html, baseline.txt and the failing"
            + " cases' files.")
    Path report;

    @Option(names = "--filter", paramLabel = "REGEX",
        description = "Only the cases whose id this is found in.")
    String filter;

    @Option(names = "--jobs", paramLabel = "N",
        description = "Decoders run side by side (default: the number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--self",
        description = "Score gotrace's own decoder in-process instead of a command.")
    boolean self;

    @Parameters(paramLabel = "CMD", arity = "0..*",
        description = "The decoder's command line, after --.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      if (command.isEmpty() && !self) {
        throw new ParameterException(spec.commandLine(),
            "give the decoder's command after --, or --self");
      }
      PrintWriter err = spec.commandLine().getErr();
      Path dir = suite;
      if (dir == null) {
        dir = Files.createTempDirectory("gotrace-suite-");
        err.println("gotrace conform: exporting the default suite to " + dir
            + " (use gotrace suite export DIR once, then --suite DIR)");
        err.flush();
        Path corpus = Path.of("conformance/corpus");
        SuiteExporter.export(SuiteBuilder.create()
            .corpus(Files.isDirectory(corpus) ? corpus : null).build(), dir);
      }
      Suite s = Suite.load(dir).filter(filter == null ? null : Pattern.compile(filter));
      Duration limit = Duration.ofMillis((long) (timeout * 1000));
      Supplier<DecoderRunner> runners = self ? GotraceAdapter::inProcess
          : protocol == Protocol.stream ? () -> new StreamRunner(command, limit)
          : () -> new ExecRunner(command, limit);
      Set<String> vs = versions == null ? null : new HashSet<>(versions);
      Progress progress = new Progress(err);
      Scorecard card = DecoderHarness.builder(runners).compareEvents(events == Events.compare)
          .versions(vs).ignoreKinds(new HashSet<>(ignoreKinds)).baseline(baseline == null ? Baseline.none() : Baseline.read(baseline))
          .jobs(jobs).progress(progress::update).build().run(s);
      progress.finish();
      PrintWriter out = spec.commandLine().getOut();
      out.print(card.summary(20));
      if (report != null) {
        ReportWriter.write(card, report, self ? List.of("gotrace", "conform", "decoder", "--self")
            : command, protocol == Protocol.stream);
        out.println("report: " + report.resolve("index.html"));
      }
      out.flush();
      return card.passed() ? GotraceCommand.EXIT_OK : GotraceCommand.EXIT_INVALID_INPUT;
    }
  }

  /** The progress line, redrawn at most five times a second. */
  static final class Progress {
    private final PrintWriter err;
    private long last;
    private DecoderHarness.Progress latest;

    Progress(PrintWriter err) {
      this.err = err;
    }

    synchronized void update(DecoderHarness.Progress p) {
      latest = p;
      long now = System.nanoTime();
      if (now - last > 200_000_000L || p.done() == p.total()) {
        last = now;
        err.printf("\r%d/%d cases, %d failing", p.done(), p.total(), p.failures());
        err.flush();
      }
    }

    synchronized void finish() {
      if (latest != null) {
        err.println();
        err.flush();
      }
    }
  }

  @Command(name = "serve",
      description = "gotrace's own decoder as a stream-protocol adapter: reads framed traces on"
          + " stdin (4-byte big-endian length, then the bytes), writes one JSON result line"
          + " each.")
  static final class Serve implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      GotraceAdapter.serve(System.in, System.out);
      return GotraceCommand.EXIT_OK;
    }
  }
}
