package dev.gotrace.conformance.semantic;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.fixtures.mutate.Mutant;
import dev.gotrace.fixtures.mutate.MutationLevel;
import dev.gotrace.fixtures.mutate.MutationWeights;
import dev.gotrace.fixtures.mutate.TraceMutator;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceFormatException;
import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.SemanticReader;
import dev.gotrace.semantic.TraceValidationException;
import dev.gotrace.semantic.ValidationMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * gotrace's verdicts against Go's on many mutated real traces.
 *
 * <p>Each case takes a seed trace ({@link SeedTraces}), applies one to three structure-aware
 * mutations ({@link TraceMutator}; a few cases flip or cut bytes instead) and asks both gotrace
 * and Go (one oracle process for all cases) for two verdicts: the parser's alone (what {@code go
 * tool trace -d=parsed} concludes) and with Go's test validator. The agreement must be at least
 * 99.9% for each, and every disagreement must be listed with its reason in {@code
 * known-disagreements.tsv}. Disagreeing traces are written to {@code
 * conformance/target/semantic-differential/} with a description, to reproduce with {@code gotrace
 * validate} and the oracle.
 *
 * <p>Run more cases with {@code -Dgotrace.semantic.mutations=100000}, others with {@code
 * -Dgotrace.semantic.seed=N}.
 */
final class MutationDifferentialTest {
  private static final int CASES = Integer.getInteger("gotrace.semantic.mutations", 12_000);
  private static final long SEED = Long.getLong("gotrace.semantic.seed", 0x5E3A_11C0L);
  private static final int CHUNK = 1_000;
  /** One case in this many flips a bit or cuts the bytes instead of a structural mutation. */
  private static final int BYTE_SHARE = Integer.getInteger("gotrace.semantic.byteShare", 20);

  @Test
  void mutatedTracesGetGosVerdicts() throws Exception {
    List<SeedTraces.Seed> seeds = new ArrayList<>();
    List<Trace> decoded = new ArrayList<>();
    loadSeeds(seeds, decoded);
    KnownDisagreements known = KnownDisagreements.load();
    Path out = GoTools.repoRoot().resolve("conformance/target/semantic-differential");
    Files.createDirectories(out);

    Stats parsed = new Stats("parsed");
    Stats full = new Stats("full");
    List<String> unexplained = new ArrayList<>();
    long started = System.nanoTime();
    long mutating = 0;
    long judging = 0;
    long waiting = 0;
    try (OracleVerdicts go = new OracleVerdicts()) {
      for (int from = 0; from < CASES; from += CHUNK) {
        int to = Math.min(CASES, from + CHUNK);
        long t0 = System.nanoTime();
        List<byte[]> cases = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (int i = from; i < to; i++) {
          String[] description = new String[1];
          cases.add(mutatedCase(i, seeds, decoded, description));
          what.add(description[0]);
        }
        Thread feeder = go.send(cases);
        long t1 = System.nanoTime();
        mutating += t1 - t0;
        List<JavaVerdicts> ours = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
          try {
            ours.add(JavaVerdicts.of(cases.get(i)));
          } catch (RuntimeException | IOException e) {
            Path f = out.resolve("crash-" + (from + i) + ".trace");
            Files.write(f, cases.get(i));
            throw new AssertionError("gotrace crashed on " + what.get(i) + ", saved as " + f, e);
          }
        }
        long t2 = System.nanoTime();
        judging += t2 - t1;
        for (int i = 0; i < cases.size(); i++) {
          OracleVerdicts.Pair g = go.next(from + i);
          JavaVerdicts j = ours.get(i);
          String a = parsed.add(g.parsed, j.parsed, known, what.get(i), cases.get(i), out);
          String b = full.add(g.full, j.full, known, what.get(i), cases.get(i), out);
          if (a != null) {
            unexplained.add(a);
          }
          if (b != null) {
            unexplained.add(b);
          }
        }
        feeder.join();
        waiting += System.nanoTime() - t2;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    String summary = String.format("%d mutated traces from %d seeds in %.1fs (mutating %.1fs,"
            + " gotrace %.1fs, then waiting for Go %.1fs; seed %#x)%n%s%n%s",
        CASES, seeds.size(), seconds, mutating / 1e9, judging / 1e9, waiting / 1e9, SEED, parsed,
        full);
    System.out.println(summary);
    Files.writeString(out.resolve("summary.txt"), summary + "\n" + String.join("\n", unexplained)
        + "\n", UTF_8);
    // Same verdict, different first message: not a failure, but worth a look now and then.
    List<String> messages = new ArrayList<>(parsed.otherMessages);
    messages.addAll(full.otherMessages);
    Files.write(out.resolve("other-messages.tsv"), messages, UTF_8);
    assertWithMessage("%s\nunexplained disagreements (add a fix, or a line with the reason to %s):"
        + "\n%s", summary, KnownDisagreements.file(),
        String.join("\n", unexplained.subList(0, Math.min(20, unexplained.size()))))
        .that(unexplained).isEmpty();
    assertWithMessage(summary).that(parsed.agreement()).isAtLeast(0.999);
    assertWithMessage(summary).that(full.agreement()).isAtLeast(0.999);
  }

  /** Structure-aware kinds only: {@link #BYTE_SHARE} covers the byte-level ones. */
  private static final TraceMutator MUTATOR = TraceMutator.builder().weights(
      MutationWeights.onlyLevels(EnumSet.complementOf(EnumSet.of(MutationLevel.BYTES)))).build();

  /** The seeds the wire decoder reads (Go's hand-made broken traces cannot be mutated). */
  private static void loadSeeds(List<SeedTraces.Seed> seeds, List<Trace> decoded)
      throws IOException, InterruptedException {
    List<SeedTraces.Seed> all = new ArrayList<>(SeedTraces.committed());
    all.addAll(SeedTraces.goTestdata());
    all.addAll(SeedTraces.corpus(SeedTraces.MAX_CORPUS_SEED));
    for (SeedTraces.Seed s : all) {
      try {
        decoded.add(TraceDecoder.decode(s.bytes));
        seeds.add(s);
      } catch (TraceFormatException e) {
        System.out.println("not a seed (the wire decoder rejects it): " + s.name + ": " + e);
      }
    }
  }

  /** Case {@code i}: deterministic for the seed list and {@link #SEED}. */
  private static byte[] mutatedCase(int i, List<SeedTraces.Seed> seeds, List<Trace> decoded,
      String[] description) throws IOException {
    int s = i % seeds.size();
    Random rnd = new Random(SEED * 1_000_003L + i);
    byte[] bytes;
    String what;
    if (rnd.nextInt(BYTE_SHARE) == 0) {
      bytes = seeds.get(s).bytes.clone();
      what = byteMutation(bytes, rnd);
      if (what.startsWith("cut")) {
        bytes = Arrays.copyOf(bytes, Integer.parseInt(what.substring(7)));
      }
    } else {
      Mutant m = MUTATOR.mutate(decoded.get(s), rnd.nextLong());
      bytes = m.bytes();
      what = m.description();
    }
    description[0] = "case " + i + " (seed " + seeds.get(s).name + "): " + what;
    return bytes;
  }

  /**
   * For valid and invalid cases alike, {@code dump --parsed} prints the events Go prints before it
   * stops (at an error, or where Go's printing panics): the same events, in the same order, with
   * the same text.
   */
  @Test
  void mutatedTracesDumpAsGoDumpsThem() throws Exception {
    List<SeedTraces.Seed> seeds = new ArrayList<>();
    List<Trace> decoded = new ArrayList<>();
    loadSeeds(seeds, decoded);
    Path oracle = GoTools.oracle();
    List<String> wrong = new ArrayList<>();
    int cases = Integer.getInteger("gotrace.semantic.dumps", 300);
    for (int i = 0; i < cases; i++) {
      String[] what = new String[1];
      byte[] trace = mutatedCase(i, seeds, decoded, what);
      GoTools.Result go = GoTools.run(GoTools.repoRoot(), List.of(oracle.toString(), "parsed"),
          trace, 60);
      StringBuilder ours = new StringBuilder();
      try {
        SemanticReader r = SemanticReader.open(new ByteArrayInputStream(trace),
            ValidationMode.PARSER);
        for (ParsedEvent e = r.next(); e != null; e = r.next()) {
          ours.append(e).append('\n');
        }
      } catch (TraceValidationException e) {
        // The events before the problem are what counts here.
      }
      if (!go.out().equals(ours.toString())) {
        wrong.add(what[0]);
      }
    }
    assertWithMessage("mutated traces whose events (up to Go's error) differ from Go's")
        .that(wrong).isEmpty();
  }

  private static String byteMutation(byte[] bytes, Random rnd) {
    if (rnd.nextBoolean()) {
      int at = 16 + rnd.nextInt(bytes.length - 16);
      int old = bytes[at] & 0xFF;
      bytes[at] = (byte) (old ^ (1 << rnd.nextInt(8)));
      return "flip a bit of byte " + at + " (0x" + Integer.toHexString(old) + ")";
    }
    return "cut at " + (16 + rnd.nextInt(bytes.length - 16));
  }

  /** Agreement counts for one kind of verdict. */
  private static final class Stats {
    final String mode;
    int total;
    int agree;
    int agreeValid;
    int agreeInvalid;
    int sameMessage;
    int explained;
    final List<String> otherMessages = new ArrayList<>();

    Stats(String mode) {
      this.mode = mode;
    }

    /** Counts one case; returns a report if it is an unexplained disagreement. */
    String add(Verdict go, Verdict ours, KnownDisagreements known, String what, byte[] trace,
        Path out) throws IOException {
      total++;
      if (go.ok == ours.ok) {
        agree++;
        if (go.ok) {
          agreeValid++;
        } else {
          agreeInvalid++;
          if (go.message.equals(ours.message)) {
            sameMessage++;
          } else if (otherMessages.size() < 5000) {
            otherMessages.add(mode + "\t" + go + "\t" + ours);
          }
        }
        return null;
      }
      String reason = known.explain(mode, go, ours);
      String report = mode + ": " + what + "\n  go:      " + go + "\n  gotrace: " + ours;
      Path f = out.resolve(mode + "-" + what.substring(5, what.indexOf(' ', 5)) + ".trace");
      Files.write(f, trace);
      Files.writeString(out.resolve(f.getFileName() + ".txt"), report + "\n"
          + (reason == null ? "" : "  known: " + reason + "\n"), UTF_8);
      if (reason != null) {
        explained++;
        return null;
      }
      return report;
    }

    double agreement() {
      return total == 0 ? 1 : (double) agree / total;
    }

    @Override
    public String toString() {
      return String.format("%-6s agreement %d/%d = %.4f%% (valid %d, invalid %d of which same"
              + " first message %d), known disagreements %d", mode, agree, total,
          100.0 * agreement(), agreeValid, agreeInvalid, sameMessage, explained);
    }
  }
}
