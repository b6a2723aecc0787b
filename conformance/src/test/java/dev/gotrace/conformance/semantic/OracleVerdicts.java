package dev.gotrace.conformance.semantic;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Go's verdicts for many traces from one oracle process ({@code gotraceoracle judge-stream}):
 * traces are written to its stdin by a thread of their own while the answers are read, so a
 * caller can compute its own verdicts meanwhile. With each pair of verdicts comes what {@code go
 * tool trace -d=parsed} prints before it stops: the number of events and the hash of their text.
 */
final class OracleVerdicts implements AutoCloseable {
  /**
   * Go's two verdicts for one trace (parser only, and parser plus test validator), and the events
   * the parser-only reading prints (count and FNV-1a hash of the text, see {@link JavaVerdicts}).
   */
  static final class Pair {
    final Verdict parsed;
    final Verdict full;
    final int events;
    final long hash;

    Pair(Verdict parsed, Verdict full, int events, long hash) {
      this.parsed = parsed;
      this.full = full;
      this.events = events;
      this.hash = hash;
    }
  }

  private final Process process;
  private final BufferedReader answers;
  private final Path stderr;

  OracleVerdicts() throws IOException, InterruptedException {
    Path oracle = GoTools.oracle();
    stderr = Files.createTempFile("gotrace-oracle", ".stderr");
    process = new ProcessBuilder(oracle.toString(), "judge-stream")
        .redirectError(stderr.toFile()).start();
    answers = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
    requests = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
  }

  private final OutputStream requests;

  /**
   * Starts writing these traces to the oracle in a thread of its own; answers come from {@link
   * #next}. Call again with more once the previous thread is done; {@link #close} ends the input.
   * Where {@code events[i]} is false, Go does not format trace {@code i}'s events (its answer has
   * {@code events} -1).
   */
  Thread send(List<byte[]> traces, boolean[] events) {
    Thread t = new Thread(() -> {
      try {
        OutputStream out = requests;
        for (int i = 0; i < traces.size(); i++) {
          byte[] trace = traces.get(i);
          long n = (long) trace.length << 1 | (events[i] ? 1 : 0);
          while (n >= 0x80) {
            out.write((int) (n & 0x7F) | 0x80);
            n >>>= 7;
          }
          out.write((int) n);
          out.write(trace);
        }
        out.flush();
      } catch (IOException e) {
        throw new IllegalStateException("writing to the oracle failed", e);
      }
    }, "oracle-feeder");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The answer for the trace with this index (answers come in order). */
  Pair next(int index) throws IOException {
    String line = answers.readLine();
    if (line == null) {
      throw new IllegalStateException("the oracle stopped answering at trace " + index + ": "
          + Files.readString(stderr, UTF_8));
    }
    String[] f = line.split("\t");
    if (f.length != 5 || Integer.parseInt(f[0]) != index) {
      throw new IllegalStateException("unexpected oracle answer for trace " + index + ": " + line);
    }
    return new Pair(Verdict.ofOracle(f[1]), Verdict.ofOracle(f[2]), Integer.parseInt(f[3]),
        Long.parseUnsignedLong(f[4], 16));
  }

  /** All answers for these traces. */
  static List<Pair> of(List<byte[]> traces) throws IOException, InterruptedException {
    try (OracleVerdicts o = new OracleVerdicts()) {
      boolean[] events = new boolean[traces.size()];
      java.util.Arrays.fill(events, true);
      o.send(traces, events);
      List<Pair> out = new ArrayList<>(traces.size());
      for (int i = 0; i < traces.size(); i++) {
        out.add(o.next(i));
      }
      return out;
    }
  }

  /** The CPU time the oracle process has used so far (zero where the system does not say). */
  java.time.Duration cpuTime() {
    return process.info().totalCpuDuration().orElse(java.time.Duration.ZERO);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    requests.close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    Files.deleteIfExists(stderr);
  }
}
