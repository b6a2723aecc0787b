package dev.gotrace.cli;

import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.encoder.EncoderOptions;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.fixtures.FailureSignature;
import dev.gotrace.fixtures.TraceMinimizer;
import dev.gotrace.fixtures.ValidatorCheck;
import dev.gotrace.semantic.ValidationMode;
import dev.gotrace.wire.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "minimize",
    description = {
      "Shrinks a trace that a check rejects to a smaller trace it rejects with the same failure:"
          + " drops generations, batches and runs of events, and simplifies values, while the"
          + " check keeps failing that way.",
      "The same failure means the same kind (the validator's stage and the event type at fault,"
          + " or a command's exit status) and the same message class (the first line of Go's"
          + " message, or of what the command printed, with numbers replaced by #)."
          + " --any-failure accepts any failure; --match accepts failures whose text matches.",
      "The check is gotrace's own validator, run in this process (what `gotrace validate"
          + " [--parser-only]` does), unless --check names a command."
    })
final class MinimizeCommand implements Callable<Integer> {
  /** The words of a {@code --check} that is gotrace's validator, which then runs in process. */
  private static final Set<String> VALIDATE_WORDS = Set.of("{}", "--parser-only");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The failing trace.")
  String file;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
      description = "Where to write the smaller trace ('-' for stdout).")
  String output;

  @Option(names = "--check", paramLabel = "COMMAND",
      description = "A command to run instead, words split on spaces, {} for the candidate"
          + " file (say \"go tool trace -d=parsed {}\"); it fails when it exits non-zero."
          + " \"gotrace validate [--parser-only] {}\" runs in process.")
  String check;

  @Option(names = "--parser-only",
      description = "With the built-in check: only what Go's parser checks (the verdict of"
          + " `go tool trace -d=parsed`), as `gotrace validate --parser-only`.")
  boolean parserOnly;

  @Option(names = "--any-failure",
      description = "Keep any failure, not only the original one.")
  boolean anyFailure;

  @Option(names = "--match", paramLabel = "REGEX",
      description = "Keep failures whose text (what the check printed) matches this (found"
          + " anywhere), instead of the original failure.")
  String match;

  @Option(names = "--max-checks", defaultValue = "2000",
      description = "Give up after this many checks (default ${DEFAULT-VALUE}).")
  int maxChecks;

  @Override
  public Integer call() throws Exception {
    if (anyFailure && match != null) {
      throw new ParameterException(spec.commandLine(),
          "--any-failure and --match cannot be combined");
    }
    Trace trace;
    try (InputStream in = Inputs.open(file)) {
      trace = TraceDecoder.decode(in);
    }
    Pattern pattern = match == null ? null : Pattern.compile(match);
    Path tmp = Files.createTempFile("gotrace-minimize", ".trace");
    try {
      Function<Trace, FailureSignature> failure = checkOf(tmp);
      FailureSignature original = failure.apply(trace);
      if (original == null) {
        throw new ParameterException(spec.commandLine(), "the check does not fail on " + file
            + "; nothing to minimize");
      }
      if (pattern != null && !pattern.matcher(original.text()).find()) {
        throw new ParameterException(spec.commandLine(), "the check fails on " + file
            + " but its output does not match --match; nothing to minimize");
      }
      TraceMinimizer.Result result = TraceMinimizer.builder().maxPredicateCalls(maxChecks).build()
          .minimize(trace, t -> {
            FailureSignature f = failure.apply(t);
            return f != null && (anyFailure || (pattern != null
                ? pattern.matcher(f.text()).find() : f.sameFailure(original)));
          });
      Trace small = result.trace();
      try (Inputs.Output out = Inputs.create(output)) {
        out.stream().write(encode(small));
        out.commit();
      }
      FailureSignature kept = failure.apply(small);
      spec.commandLine().getErr().printf("minimize: %d records, %d events -> %d records,"
          + " %d events (%d checks %s, %d ms)%n", trace.records().size(), trace.eventCount(),
          small.records().size(), small.eventCount(), result.predicateCalls(),
          isInProcess() ? "in process" : "of " + check.trim().split("\\s+")[0],
          result.elapsed().toMillis());
      spec.commandLine().getErr().printf("minimize: the original failure: %s%n", original);
      if (kept != null && !kept.sameFailure(original)) {
        spec.commandLine().getErr().printf("minimize: the kept failure:     %s%n", kept);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return GotraceCommand.EXIT_OK;
  }

  /** Whether the check is gotrace's validator: no --check, or a gotrace validate command line. */
  private boolean isInProcess() {
    if (check == null) {
      return true;
    }
    String[] words = check.trim().split("\\s+");
    if (words.length < 2 || !(words[0].equals("gotrace") || words[0].endsWith("/gotrace"))
        || !words[1].equals("validate")) {
      return false;
    }
    for (int i = 2; i < words.length; i++) {
      if (!VALIDATE_WORDS.contains(words[i])) {
        return false;
      }
    }
    return true;
  }

  /** The check: what failure it reports on a candidate, or null when the candidate passes. */
  private Function<Trace, FailureSignature> checkOf(Path tmp) {
    if (isInProcess()) {
      boolean parser = parserOnly || (check != null && check.contains("--parser-only"));
      ValidatorCheck validator =
          ValidatorCheck.of(parser ? ValidationMode.PARSER : ValidationMode.STRICT);
      return validator::failure;
    }
    return t -> runCheck(t, tmp);
  }

  private FailureSignature runCheck(Trace t, Path tmp) {
    Path out = tmp.resolveSibling(tmp.getFileName() + ".out");
    Path err = tmp.resolveSibling(tmp.getFileName() + ".err");
    try {
      Files.write(tmp, encode(t));
      List<String> cmd = new ArrayList<>();
      for (String word : check.trim().split("\\s+")) {
        cmd.add(word.replace("{}", tmp.toString()));
      }
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
          .start();
      p.getOutputStream().close();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null; // a hang is not the failure being kept
      }
      if (p.exitValue() == 0) {
        return null;
      }
      // Decoding replaces bytes that are not UTF-8 rather than failing on them.
      return FailureSignature.ofExit(p.exitValue(),
          new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
          new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run the check: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      try {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      } catch (IOException e) {
        // Temporary files; nothing to report.
      }
    }
  }

  private static byte[] encode(Trace t) throws IOException {
    return TraceWriter.encode(t, EncoderOptions.DEFAULTS.withCheckLimits(false));
  }
}
