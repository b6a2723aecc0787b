package dev.gotrace.kit.suite;

import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.fixtures.TraceMinimizer;
import dev.gotrace.fixtures.dsl.random.RandomSemanticTraces;
import dev.gotrace.fixtures.dsl.scenarios.Scenario;
import dev.gotrace.fixtures.dsl.scenarios.ScenarioCatalog;
import dev.gotrace.kit.events.GoVerdict;
import dev.gotrace.semantic.TraceValidationException;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Builds the suite's cases: the real-trace corpus, the scenario catalog, random valid DSL traces
 * and minimised mutants of random traces, for every trace version. Every expectation is the
 * semantic reader's verdict ({@link GoVerdict}), which the kit's tests check against Go. The
 * result depends only on the settings (no clock, no hash order): the same settings give the same
 * cases, in id order, with no two cases of the same bytes.
 */
public final class SuiteBuilder {
  /** The default sizes: about 1,200 cases over the four versions. */
  public static final int DEFAULT_RANDOM_PER_VERSION = 150;
  public static final int DEFAULT_MUTANTS_PER_VERSION = 100;

  /** Real traces larger than this are left out by default: their expected events run to MBs. */
  public static final int DEFAULT_CORPUS_MAX_BYTES = 20_000;

  private Path corpus;
  private int corpusMaxBytes = DEFAULT_CORPUS_MAX_BYTES;
  private int randomPerVersion = DEFAULT_RANDOM_PER_VERSION;
  private int mutantsPerVersion = DEFAULT_MUTANTS_PER_VERSION;
  private boolean scenarios = true;
  private int minimizerCalls = 400;

  public static SuiteBuilder create() {
    return new SuiteBuilder();
  }

  /** The corpus directory ({@code conformance/corpus}); none by default. */
  public SuiteBuilder corpus(Path dir) {
    this.corpus = dir;
    return this;
  }

  /** The largest real trace taken, in bytes. */
  public SuiteBuilder corpusMaxBytes(int n) {
    this.corpusMaxBytes = n;
    return this;
  }

  public SuiteBuilder randomPerVersion(int n) {
    this.randomPerVersion = n;
    return this;
  }

  public SuiteBuilder mutantsPerVersion(int n) {
    this.mutantsPerVersion = n;
    return this;
  }

  public SuiteBuilder scenarios(boolean include) {
    this.scenarios = include;
    return this;
  }

  /** The minimizer's budget of predicate calls per invalid case. */
  public SuiteBuilder minimizerCalls(int n) {
    this.minimizerCalls = n;
    return this;
  }

  /** The cases, sorted by id. */
  public List<SuiteCase> build() throws IOException {
    List<SuiteCase> all = new ArrayList<>();
    if (corpus != null) {
      all.addAll(corpusCases(corpus, corpusMaxBytes));
    }
    if (scenarios) {
      all.addAll(scenarioCases());
    }
    for (TraceVersion v : TraceVersion.values()) {
      all.addAll(randomCases(v));
      all.addAll(mutantCases(v));
    }
    return unique(all);
  }

  private static List<SuiteCase> corpusCases(Path dir, int maxBytes) throws IOException {
    Map<String, String> writtenBy = new HashMap<>();
    Path manifest = dir.resolve("MANIFEST.tsv");
    if (Files.exists(manifest)) {
      for (String line : Files.readAllLines(manifest)) {
        String[] f = line.split("\t");
        if (f.length > 1 && f[0].endsWith(".trace")) {
          writtenBy.put(f[0], f[1]);
        }
      }
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".trace") && p.toFile().length() <= maxBytes)
          .sorted().collect(Collectors.toList());
    }
    List<SuiteCase> out = new ArrayList<>();
    for (Path p : files) {
      String rel = dir.relativize(p).toString().replace('\\', '/');
      String by = writtenBy.get(rel);
      String name = rel.replace(".trace", "").replace('/', '-');
      out.add(SuiteCase.of(CaseSource.CORPUS, name,
          "conformance/corpus/" + rel + (by == null ? "" : " (written by " + by + ")"),
          Files.readAllBytes(p), TraceVersion.GO_1_26));
    }
    return out;
  }

  private List<SuiteCase> scenarioCases() {
    return ScenarioCatalog.all().parallelStream().map(this::scenarioCase)
        .collect(Collectors.toList());
  }

  private SuiteCase scenarioCase(Scenario s) {
    byte[] bytes = s.bytes();
    String provenance = "ScenarioCatalog " + s.name() + " (" + s.expectation() + ")";
    GoVerdict v = GoVerdict.of(bytes);
    if (!v.accepted()) {
      byte[] small = minimise(bytes, v);
      if (small != null) {
        bytes = small;
        provenance += ", minimised";
      }
    }
    return SuiteCase.of(CaseSource.SCENARIO, s.name(), provenance, bytes, s.version());
  }

  private List<SuiteCase> randomCases(TraceVersion v) {
    return LongStream.range(0, randomPerVersion).parallel().mapToObj(i -> {
      long seed = v.number() * 1_000_000L + i;
      int events = 20 + (int) (i * 37 % 180);
      return SuiteCase.of(CaseSource.RANDOM, "s" + seed + "-e" + events,
          "RandomSemanticTraces.bytes(" + seed + ", " + v + ", " + events + ")",
          RandomSemanticTraces.bytes(seed, v, events), v);
    }).collect(Collectors.toList());
  }

  private List<SuiteCase> mutantCases(TraceVersion v) {
    // Mutate first (cheap), keep the first mutants Go rejects, then minimise those (costly).
    List<Candidate> rejected = LongStream.range(0, mutantsPerVersion * 4L).parallel()
        .mapToObj(i -> mutant(v, i)).filter(Objects::nonNull).limit(mutantsPerVersion)
        .collect(Collectors.toList());
    return rejected.parallelStream().map(c -> {
      byte[] small = minimise(c.bytes, c.verdict);
      return SuiteCase.of(CaseSource.MUTANT, c.name,
          c.provenance + (small != null ? ", minimised" : ""), small != null ? small : c.bytes,
          v);
    }).collect(Collectors.toList());
  }

  private record Candidate(String name, String provenance, byte[] bytes, GoVerdict verdict) {}

  private static Candidate mutant(TraceVersion v, long i) {
    long seed = 500_000L + v.number() * 1_000_000L + i;
    int events = 30 + (int) (i % 40);
    try {
      Trace base = TraceDecoder.decode(RandomSemanticTraces.bytes(seed, v, events),
          EventTable.FULL);
      WireMutator.Mutant m = WireMutator.mutate(base, seed);
      if (m == null) {
        return null;
      }
      byte[] bytes = TraceWriter.encode(m.trace());
      GoVerdict verdict = GoVerdict.of(bytes);
      if (verdict.accepted()) {
        return null;
      }
      return new Candidate("s" + seed, "RandomSemanticTraces.bytes(" + seed + ", " + v + ", "
          + events + "), then " + m.description(), bytes, verdict);
    } catch (TraceException e) {
      return null;
    }
  }

  /** The smallest trace with the same stage and message (numbers aside), or null. */
  private byte[] minimise(byte[] bytes, GoVerdict verdict) {
    Trace trace;
    try {
      trace = TraceDecoder.decode(bytes, EventTable.FULL);
    } catch (TraceException e) {
      return null; // Broken on the wire: kept as written.
    }
    TraceValidationException want = verdict.error();
    String shape = shape(want.goMessage());
    Predicate<Trace> same = t -> {
      try {
        GoVerdict g = GoVerdict.of(TraceWriter.encode(t));
        return !g.accepted() && g.error().stage() == want.stage()
            && shape(g.error().goMessage()).equals(shape);
      } catch (TraceException e) {
        return false;
      }
    };
    TraceMinimizer.Result r = TraceMinimizer.builder().maxPredicateCalls(minimizerCalls).build()
        .minimize(trace, same);
    if (!r.reproduced()) {
      return null;
    }
    try {
      byte[] small = TraceWriter.encode(r.trace());
      return small.length < bytes.length ? small : null;
    } catch (TraceException e) {
      return null;
    }
  }

  private static String shape(String message) {
    return message.replaceAll("[0-9]+", "N");
  }

  private static List<SuiteCase> unique(List<SuiteCase> all) {
    all.sort(Comparator.comparing(SuiteCase::id));
    Set<String> seenBytes = new HashSet<>();
    Set<String> ids = new HashSet<>();
    List<SuiteCase> out = new ArrayList<>();
    for (SuiteCase c : all) {
      if (!seenBytes.add(sha256(c.bytes()))) {
        continue;
      }
      SuiteCase k = c;
      for (int n = 2; !ids.add(k.id()); n++) {
        k = c.withId(c.id() + "-" + n);
      }
      out.add(k);
    }
    out.sort(Comparator.comparing(SuiteCase::id));
    return out;
  }

  static String sha256(byte[] b) {
    try {
      StringBuilder s = new StringBuilder();
      for (byte x : MessageDigest.getInstance("SHA-256").digest(b)) {
        s.append(String.format("%02x", x));
      }
      return s.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
