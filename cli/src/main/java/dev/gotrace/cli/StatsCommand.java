package dev.gotrace.cli;

import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.WireReader;
import dev.gotrace.spec.EventType;
import dev.gotrace.wire.Varints;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "stats",
    description = {
      "Counts events and bytes per event type, in the table layout of"
          + " `go tool trace -d=footprint` (Bytes as Go counts them: minimal varints), then a"
          + " summary with the real byte counts.",
      "Without FILE it reads the built-in sample trace (a real go 1.26 trace)."
    })
final class StatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "The trace ('-' for stdin); the built-in sample if omitted.")
  String file;

  @Override
  public Integer call() throws Exception {
    return printStats(spec.commandLine().getOut(), file);
  }

  /** Prints the table and summary for {@code file} (null: the built-in sample). */
  static int printStats(PrintWriter out, String file) throws Exception {
    long[] count = new long[256];
    long[] goBytes = new long[256];
    long records = 0;
    long batches = 0;
    long generationEnds = 0;
    long events = 0;
    long wireBytes;
    long padding = 0;
    String version;
    try (InputStream in = Inputs.open(file)) {
      WireReader r = WireReader.open(in, EventTable.FULL);
      version = "go 1." + r.version().number();
      long end = 16;
      while (r.nextRecord()) {
        records++;
        EventType rt = r.recordType();
        int t = rt.wire();
        count[t]++;
        if (rt == EventType.END_OF_GENERATION) {
          goBytes[t] += 1;
          generationEnds++;
          end = r.recordOffset() + 1;
          continue;
        }
        batches++;
        long header = 1 + Varints.minimalWidth(r.generation()) + Varints.minimalWidth(r.thread())
            + Varints.minimalWidth(r.batchTime()) + Varints.minimalWidth(r.payloadSize());
        long actualHeader = r.payloadOffset() - r.recordOffset();
        if (rt == EventType.EXPERIMENTAL_BATCH) {
          // Go's raw reader reads the experiment as a varint and the payload as trailing data.
          header += Varints.minimalWidth(r.experiment()) + r.payloadSize();
          actualHeader += r.payloadSize();
        }
        goBytes[t] += header;
        padding += actualHeader - header;
        end = r.payloadOffset() + r.payloadSize();
        while (r.nextEvent()) {
          events++;
          int et = r.eventType().wire();
          count[et]++;
          long n = 1;
          for (int i = 0; i < r.valueCount(); i++) {
            n += Varints.minimalWidth(r.value(i));
          }
          if (r.hasData()) {
            n += Varints.minimalWidth(r.dataLength()) + r.dataLength();
          }
          goBytes[et] += n;
          padding += r.eventLength() - n;
        }
      }
      wireBytes = end;
    }
    List<Integer> rows = new ArrayList<>();
    for (int t = 0; t < 256; t++) {
      if (count[t] > 0) {
        rows.add(t);
      }
    }
    rows.sort(Comparator.<Integer>comparingLong(t -> -goBytes[t]).thenComparingInt(t -> t));
    long totalCount = 0;
    for (int t : rows) {
      totalCount += count[t];
    }
    List<String[]> table = new ArrayList<>();
    table.add(new String[] {"Event", "Bytes", "%", "Count", "%"});
    table.add(new String[] {"-", "-", "-", "-", "-"});
    for (int t : rows) {
      table.add(new String[] {EventType.ofWire(t).goName(), Long.toString(goBytes[t]),
          percent(goBytes[t], wireBytes), Long.toString(count[t]), percent(count[t], totalCount)});
    }
    out.print(TabTable.format(table, 3, 2));
    out.printf("%n%s trace: %d bytes, %d records (%d batches, %d generation ends), %d events,"
        + " %d bytes of varint padding%n", version, wireBytes, records, batches, generationEnds,
        events, padding);
    out.flush();
    return GotraceCommand.EXIT_OK;
  }

  /** {@code %.2f%%} as Go prints it: the exact binary value, rounded half to even. */
  static String percent(long part, long whole) {
    double pct = (double) part / (double) whole * 100;
    return new BigDecimal(pct).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }
}
