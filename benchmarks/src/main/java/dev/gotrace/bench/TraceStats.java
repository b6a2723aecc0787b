package dev.gotrace.bench;

import dev.gotrace.decoder.WireReader;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.TraceFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * What a benchmark input holds, counted once with the cursor. The benchmarks divide by these
 * numbers: "bytes" is the file size and "events" is {@link #rawEvents}, the count Go's raw reader
 * ({@code internal/trace/raw}, behind {@code go tool trace -d=wire}) returns for the same file, so
 * events per second mean the same thing on both sides.
 *
 * @param bytes the file size, header included
 * @param records top-level records: batches and (go 1.26) end-of-generation records
 * @param batches event and experimental batches
 * @param generations distinct generation numbers in batch headers
 * @param batchEvents events inside batches (strings, stacks, samples, clock and timed events)
 * @param rawEvents {@code records + batchEvents}: one per line Go's raw reader returns
 * @param strings {@code String} entries of the string tables
 * @param stacks {@code Stack} entries of the stack tables
 * @param frames frames of all stacks
 */
public record TraceStats(
    TraceVersion version,
    long bytes,
    long records,
    long batches,
    long generations,
    long batchEvents,
    long rawEvents,
    long strings,
    long stacks,
    long frames) {

  /** The environment variable naming the input when no {@code -p trace=FILE} is given. */
  public static final String TRACE_ENV = "GOTRACE_BENCH_TRACE";

  /** Counts a whole trace with the cursor. */
  public static TraceStats of(byte[] trace) throws TraceFormatException {
    try {
      WireReader r = WireReader.open(trace);
      long records = 0;
      long batches = 0;
      long batchEvents = 0;
      long strings = 0;
      long stacks = 0;
      long frames = 0;
      Set<Long> generations = new HashSet<>();
      while (r.nextRecord()) {
        records++;
        if (!r.isBatch()) {
          continue;
        }
        batches++;
        generations.add(r.generation());
        while (r.nextEvent()) {
          batchEvents++;
          if (r.eventType() == EventType.STRING) {
            strings++;
          } else if (r.eventType() == EventType.STACK) {
            stacks++;
            frames += r.frameCount();
          }
        }
      }
      return new TraceStats(r.version(), trace.length, records, batches, generations.size(),
          batchEvents, records + batchEvents, strings, stacks, frames);
    } catch (TraceFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new AssertionError("an in-memory source does not fail", e);
    }
  }

  /**
   * The input file: {@code name} if given (JMH's {@code -p trace=FILE}), else the file in {@value
   * #TRACE_ENV}.
   */
  public static Path resolve(String name) {
    String file = name == null || name.isEmpty() ? System.getenv(TRACE_ENV) : name;
    if (file == null || file.isEmpty()) {
      throw new IllegalStateException("no input trace: pass -p trace=FILE or set " + TRACE_ENV
          + " (benchmarks/run.sh makes one)");
    }
    return Path.of(file);
  }

  /** Reads the input file named as {@link #resolve} says. */
  public static byte[] load(String name) {
    Path p = resolve(name);
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the benchmark input " + p, e);
    }
  }
}
