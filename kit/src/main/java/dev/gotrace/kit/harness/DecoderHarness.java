package dev.gotrace.kit.harness;

import dev.gotrace.kit.runner.DecoderInput;
import dev.gotrace.kit.runner.DecoderRunner;
import dev.gotrace.kit.runner.Response;
import dev.gotrace.kit.suite.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Scores a decoder under test on a suite: runs it on every case (on {@code jobs} runners side by
 * side), puts each response in a {@link Category}, and collects the {@link Scorecard}.
 */
public final class DecoderHarness {
  /** How a rejection says that a trace's version is not supported (Go's and most parsers'). */
  static final Pattern UNSUPPORTED =
      Pattern.compile("(?i)(unsupported|unknown)[^\\n]{0,40}version|version[^\\n]{0,40}"
          + "(not supported|unsupported)");

  private final Supplier<DecoderRunner> runners;
  private final boolean compareEvents;
  private final Set<String> versions;
  private final Baseline baseline;
  private final int jobs;
  private final Consumer<Progress> progress;
  private final Set<String> ignoreKinds;

  private DecoderHarness(Builder b) {
    this.ignoreKinds = b.ignoreKinds;
    this.runners = b.runners;
    this.compareEvents = b.compareEvents;
    this.versions = b.versions;
    this.baseline = b.baseline;
    this.jobs = b.jobs;
    this.progress = b.progress;
  }

  /** A harness that makes one runner per job with {@code runners}. */
  public static Builder builder(Supplier<DecoderRunner> runners) {
    return new Builder(runners);
  }

  /** Where a run is: cases done, of how many, failures so far. */
  public record Progress(int done, int total, int failures) {}

  /** Runs every case of {@code suite}. */
  public Scorecard run(Suite suite) throws IOException {
    List<Suite.Case> cases = suite.cases();
    CaseResult[] results = new CaseResult[cases.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    String describe;
    try (DecoderRunner probe = runners.get()) {
      describe = probe.describe();
    }
    List<Thread> threads = new ArrayList<>();
    IOException[] error = new IOException[1];
    for (int j = 0; j < Math.max(1, Math.min(jobs, cases.size())); j++) {
      Thread t = new Thread(() -> {
        try (DecoderRunner runner = runners.get()) {
          for (int i; (i = next.getAndIncrement()) < cases.size(); ) {
            CaseResult r = score(cases.get(i), runner);
            results[i] = r;
            if (r.failed()) {
              failures.incrementAndGet();
            }
            if (progress != null) {
              progress.accept(new Progress(done.incrementAndGet(), cases.size(), failures.get()));
            }
          }
        } catch (IOException | UncheckedIOException e) {
          synchronized (error) {
            error[0] = e instanceof IOException ? (IOException) e
                : ((UncheckedIOException) e).getCause();
          }
          next.set(cases.size());
        }
      }, "conform-" + j);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    if (error[0] != null) {
      throw error[0];
    }
    return new Scorecard(describe, suite.dir(), Arrays.asList(results));
  }

  CaseResult score(Suite.Case c, DecoderRunner runner) throws IOException {
    Response r = runner.run(new DecoderInput(c.id(), c.bytes(), c.trace()));
    CaseResult result = classify(c, r);
    boolean excused = baseline.accepts(c.id(), result.category())
        || (result.category() == Category.UNSUPPORTED_VERSION && versions != null
            && !versions.contains(c.goVersion()));
    return result.excused(excused);
  }

  private CaseResult classify(Suite.Case c, Response r) throws IOException {
    switch (r.outcome()) {
      case HUNG:
        return result(c, Category.HANG, r.message(), null, null, null, r);
      case CRASHED: {
        String site = r.crashSite() != null ? r.crashSite()
            : r.exitCode() >= 0 ? "exit status " + r.exitCode()
                + (r.message().isBlank() ? "" : ": " + firstLine(r.message()))
            : firstLine(r.message());
        if (c.goPanics()) {
          return result(c, Category.PASS, "crashed where Go panics: " + site, null, null, null, r);
        }
        return result(c, Category.CRASH, site, null, null, null, r);
      }
      case ACCEPTED: {
        if (!c.valid()) {
          return result(c, Category.FALSE_ACCEPT, "Go: " + c.message(), null, null, null, r);
        }
        if (!compareEvents) {
          return result(c, Category.PASS, "accepted", null, null, null, r);
        }
        EventComparison.Diff d = EventComparison.compare(r.events(), c.expectedEvents(),
            c.expectedParsed(), ignoreKinds);
        return d == null ? result(c, Category.PASS, "accepted, same events", null, null, null, r)
            : result(c, Category.WRONG_EVENTS, "first difference at event " + d.index(), d, null,
                null, r);
      }
      default: {
        boolean unsupported = UNSUPPORTED.matcher(r.message()).find();
        if (c.valid()) {
          return result(c, unsupported ? Category.UNSUPPORTED_VERSION : Category.FALSE_REJECT,
              firstLine(r.message()), null, null, null, r);
        }
        if (unsupported && !UNSUPPORTED.matcher(c.message()).find()) {
          return result(c, Category.UNSUPPORTED_VERSION, firstLine(r.message()), null, null,
              null, r);
        }
        Boolean message = sameMessage(r.message(), c.message());
        Boolean prefix = null;
        EventComparison.Diff d = null;
        if (compareEvents && EventComparison.formOf(r.events()) != EventComparison.Form.NONE) {
          d = EventComparison.compare(r.events(), c.expectedEvents(), c.expectedParsed(),
              ignoreKinds);
          prefix = d == null;
        }
        return result(c, Category.PASS, "rejected: " + firstLine(r.message()), d, message, prefix,
            r);
      }
    }
  }

  private static CaseResult result(Suite.Case c, Category k, String detail,
      EventComparison.Diff d, Boolean message, Boolean prefix, Response r) {
    return new CaseResult(c, k, detail, d, message, prefix, r, false);
  }

  /**
   * Whether the decoder's message says what Go's does. The first line must contain Go's first line
   * (an adapter may put a prefix before it). A "failed to advance" message goes on with a dump of
   * Go's state maps, printed in Go's random map order: each of Go's other lines must be among the
   * decoder's other lines, in any order (a tool may add lines of its own, as the old whole-text
   * containment allowed).
   */
  public static boolean sameMessage(String actual, String expected) {
    List<String> got = lines(actual);
    List<String> want = lines(expected);
    if (want.isEmpty()) {
      return true;
    }
    if (got.isEmpty() || !got.get(0).contains(want.get(0))) {
      return false;
    }
    List<String> gotRest = new ArrayList<>(got.subList(1, got.size()));
    for (String line : want.subList(1, want.size())) {
      if (!gotRest.remove(line)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    for (String line : s.strip().split("\n")) {
      String t = oneLine(line);
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  private static String oneLine(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int n = t.indexOf('\n');
    return n < 0 ? t : t.substring(0, n);
  }

  /** Options of a run. */
  public static final class Builder {
    private final Supplier<DecoderRunner> runners;
    private boolean compareEvents = true;
    private Set<String> versions;
    private Baseline baseline = Baseline.none();
    private int jobs = Runtime.getRuntime().availableProcessors();
    private Consumer<Progress> progress;
    private Set<String> ignoreKinds = Set.of();

    private Builder(Supplier<DecoderRunner> runners) {
      this.runners = Objects.requireNonNull(runners);
    }

    /** Whether accepted traces' events are compared (false: {@code --events=none}). */
    public Builder compareEvents(boolean b) {
      this.compareEvents = b;
      return this;
    }

    /**
     * The Go versions ("1.22") the decoder claims to support; an "unsupported version" answer
     * on another version's case is then no failure. Null (the default): all.
     */
    public Builder versions(Set<String> v) {
      this.versions = v == null ? null : Set.copyOf(v);
      return this;
    }

    public Builder baseline(Baseline b) {
      this.baseline = Objects.requireNonNull(b);
      return this;
    }

    public Builder jobs(int n) {
      this.jobs = Math.max(1, n);
      return this;
    }

    /**
     * Event kinds (Go's names, such as Sync) left out of the comparison on both sides: for
     * scoring parsers whose event stream differs on purpose, such as Go's before 1.25, which
     * deliver Sync events at other places.
     */
    public Builder ignoreKinds(Set<String> kinds) {
      this.ignoreKinds = Set.copyOf(kinds);
      return this;
    }

    public Builder progress(Consumer<Progress> p) {
      this.progress = p;
      return this;
    }

    public DecoderHarness build() {
      return new DecoderHarness(this);
    }
  }
}
