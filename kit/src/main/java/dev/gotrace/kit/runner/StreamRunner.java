package dev.gotrace.kit.runner;

import dev.gotrace.kit.events.Json;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The stream protocol, for decoders that start slowly (JVMs): one process reads framed inputs on
 * stdin, each a 4-byte big-endian length then that many trace bytes, and answers each with one
 * JSON line on stdout:
 *
 * <pre>
 * {"ok":true,"events":[{...canonical event...},...]}     accepted, canonical form
 * {"ok":true,"parsed":["M=1 P=0 G=1 ...",...]}            accepted, Event.String() form
 * {"ok":true}                                             accepted, events not compared
 * {"ok":false,"error":"message"}                          rejected ("events"/"parsed": prefix)
 * </pre>
 *
 * <p>End of stdin means exit. When the process dies, answers something that is not such a line,
 * or runs past the timeout on an input, that input is blamed ({@link Outcome#CRASHED} or {@link
 * Outcome#HUNG}) and a fresh process is started for the next one.
 */
public final class StreamRunner implements DecoderRunner {
  private static final Object EOF = new Object();

  private final List<String> command;
  private final Path workDir;
  private final Map<String, String> env;
  private final Duration timeout;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "stream-stdin");
    t.setDaemon(true);
    return t;
  });

  private Process process;
  private BlockingQueue<Object> lines;
  private ProcessIo.Drain stderr;
  private int starts;

  public StreamRunner(List<String> command, Duration timeout) {
    this(command, null, Map.of(), timeout);
  }

  public StreamRunner(List<String> command, Path workDir, Map<String, String> env,
      Duration timeout) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("no command");
    }
    this.command = List.copyOf(command);
    this.workDir = workDir;
    this.env = Map.copyOf(env);
    this.timeout = Objects.requireNonNull(timeout);
  }

  /** How many processes were started so far (1 + the restarts after crashes and hangs). */
  public int starts() {
    return starts;
  }

  private void start() throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    pb.environment().putAll(env);
    process = pb.start();
    starts++;
    stderr = new ProcessIo.Drain(process.getErrorStream(), "stream-stderr");
    BlockingQueue<Object> q = new LinkedBlockingQueue<>();
    lines = q;
    BufferedReader r = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Thread t = new Thread(() -> {
      try {
        for (String line; (line = r.readLine()) != null; ) {
          q.add(line);
        }
      } catch (IOException e) {
        // Treated as the end of the stream.
      }
      q.add(EOF);
    }, "stream-stdout");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public Response run(DecoderInput input) throws IOException {
    if (process == null) {
      start();
    }
    long begin = System.nanoTime();
    Process p = process;
    byte[] bytes = input.bytes();
    writer.execute(() -> {
      try {
        OutputStream os = p.getOutputStream();
        DataOutputStream out = new DataOutputStream(os);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        // The process is gone: the read below sees the end of its output.
      }
    });
    Object line;
    try {
      line = lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      line = null;
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
    if (line == null) {
      ProcessIo.kill(p);
      String err = stderr.text(1000);
      process = null;
      return Response.builder(Outcome.HUNG).stderr(err).elapsed(elapsed)
          .message("no result after " + timeout.toMillis() + " ms").build();
    }
    if (line == EOF) {
      int code = -1;
      try {
        if (p.waitFor(5, TimeUnit.SECONDS)) {
          code = p.exitValue();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ProcessIo.kill(p);
      String err = stderr.text(2000);
      process = null;
      return Response.builder(Outcome.CRASHED).exitCode(code).stderr(err).elapsed(elapsed)
          .message(err.strip()).crashSite(CrashSignatures.of(err, code)).build();
    }
    String err = stderr.take();
    try {
      return StreamResult.parse((String) line, err, elapsed);
    } catch (Json.JsonException e) {
      // The process is out of step with the protocol; a fresh one starts for the next input.
      ProcessIo.kill(p);
      process = null;
      String shown = ((String) line).length() > 200 ? ((String) line).substring(0, 200) + "..."
          : (String) line;
      return Response.builder(Outcome.CRASHED).stderr(err).elapsed(elapsed)
          .message("not a result line (" + e.getMessage() + "): " + shown)
          .crashSite("protocol error: " + e.getMessage()).build();
    }
  }

  @Override
  public String describe() {
    return "stream: " + String.join(" ", command);
  }

  @Override
  public void close() throws IOException {
    if (process != null) {
      process.getOutputStream().close();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          ProcessIo.kill(process);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ProcessIo.kill(process);
      }
      process = null;
    }
    writer.shutdownNow();
  }
}
