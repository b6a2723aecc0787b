package dev.gotrace.kit.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The exec protocol: for each input, runs {@code CMD ARGS... FILE} with stdin closed, and reads
 * its exit status (0 accept, 1 reject, anything else a crash), stdout (the events) and stderr
 * (the message). A process still running after the timeout is killed, with everything it
 * started, and reported {@link Outcome#HUNG}.
 */
public final class ExecRunner implements DecoderRunner {
  private final List<String> command;
  private final Path workDir;
  private final Map<String, String> env;
  private final Duration timeout;
  private Path scratch;

  /** Runs {@code command} in the current directory with the current environment. */
  public ExecRunner(List<String> command, Duration timeout) {
    this(command, null, Map.of(), timeout);
  }

  /** Runs {@code command} in {@code workDir} (null: current) with {@code env} added. */
  public ExecRunner(List<String> command, Path workDir, Map<String, String> env,
      Duration timeout) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("no command");
    }
    this.command = List.copyOf(command);
    this.workDir = workDir;
    this.env = Map.copyOf(env);
    this.timeout = Objects.requireNonNull(timeout);
  }

  @Override
  public Response run(DecoderInput input) throws IOException {
    Path file = input.file();
    if (file == null) {
      if (scratch == null) {
        scratch = Files.createTempFile("gotrace-kit-", ".trace");
        scratch.toFile().deleteOnExit();
      }
      Files.write(scratch, input.bytes());
      file = scratch;
    }
    List<String> argv = new ArrayList<>(command);
    argv.add(file.toString());
    ProcessBuilder pb = new ProcessBuilder(argv);
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process p = pb.start();
    p.getOutputStream().close();
    ProcessIo.Drain out = new ProcessIo.Drain(p.getInputStream(), "exec-stdout");
    ProcessIo.Drain err = new ProcessIo.Drain(p.getErrorStream(), "exec-stderr");
    boolean exited;
    try {
      exited = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exited = false;
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    if (!exited) {
      ProcessIo.kill(p);
      String stderr = err.text(1000);
      out.text(1000);
      return Response.builder(Outcome.HUNG).stderr(stderr).elapsed(elapsed)
          .message("still running after " + timeout.toMillis() + " ms").build();
    }
    int code = p.exitValue();
    // The process is gone; its pipes close once any children it left behind are gone too.
    String stdout = out.text(5000);
    String stderr = err.text(5000);
    Outcome outcome = code == 0 ? Outcome.ACCEPTED : code == 1 ? Outcome.REJECTED
        : Outcome.CRASHED;
    Response.Builder b = Response.builder(outcome).exitCode(code).events(stdout).stderr(stderr)
        .elapsed(elapsed);
    if (outcome == Outcome.REJECTED) {
      b.message(stderr.strip());
    } else if (outcome == Outcome.CRASHED) {
      b.message(stderr.strip()).crashSite(CrashSignatures.of(stderr, code));
    }
    return b.build();
  }

  @Override
  public String describe() {
    return "exec: " + String.join(" ", command) + " FILE";
  }

  @Override
  public void close() throws IOException {
    if (scratch != null) {
      Files.deleteIfExists(scratch);
    }
  }
}
