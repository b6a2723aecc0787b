package dev.gotrace.kit.runner;

import java.time.Duration;
import java.util.Objects;

/**
 * One run of a decoder under test on one input: the {@link Outcome}, the events it printed (the
 * text of its stdout for the exec protocol; for the stream protocol the result's events, one
 * canonical JSON object or one {@code Event.String()} a line), its error message, its exit status
 * and stderr, how long it took, and for a crash the crash site when the output names one.
 *
 * <p>Immutable; build with {@link #builder}.
 */
public final class Response {
  private final Outcome outcome;
  private final String events;
  private final String message;
  private final int exitCode;
  private final String stderr;
  private final Duration elapsed;
  private final String crashSite;

  private Response(Builder b) {
    this.outcome = Objects.requireNonNull(b.outcome, "outcome");
    this.events = b.events;
    this.message = b.message;
    this.exitCode = b.exitCode;
    this.stderr = b.stderr;
    this.elapsed = b.elapsed;
    this.crashSite = b.crashSite;
  }

  public static Builder builder(Outcome outcome) {
    return new Builder(outcome);
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The events as printed (may be empty: {@code --events=none}, or none before an error). */
  public String events() {
    return events;
  }

  /** The rejection message: stderr (exec) or the result's {@code error} (stream); else "". */
  public String message() {
    return message;
  }

  /** The process's exit status; -1 when it did not exit by itself (hang, stream crash). */
  public int exitCode() {
    return exitCode;
  }

  /** Everything the process wrote on stderr for this input (as far as it could be told apart). */
  public String stderr() {
    return stderr;
  }

  public Duration elapsed() {
    return elapsed;
  }

  /**
   * For a crash, where it happened when the output says (see {@link CrashSignatures}), such as
   * {@code panic: runtime error: index out of range [3] with length 3 at
   * internal/trace.(*Event).Range}; otherwise {@code null}.
   */
  public String crashSite() {
    return crashSite;
  }

  @Override
  public String toString() {
    return outcome + (exitCode >= 0 ? " exit " + exitCode : "")
        + (crashSite != null ? " at " + crashSite : "")
        + (message.isEmpty() ? "" : ": " + firstLine(message));
  }

  static String firstLine(String s) {
    int n = s.indexOf('\n');
    return n < 0 ? s : s.substring(0, n);
  }

  /** A builder; everything but the outcome is optional. */
  public static final class Builder {
    private final Outcome outcome;
    private String events = "";
    private String message = "";
    private int exitCode = -1;
    private String stderr = "";
    private Duration elapsed = Duration.ZERO;
    private String crashSite;

    private Builder(Outcome outcome) {
      this.outcome = outcome;
    }

    public Builder events(String v) {
      this.events = Objects.requireNonNull(v);
      return this;
    }

    public Builder message(String v) {
      this.message = Objects.requireNonNull(v);
      return this;
    }

    public Builder exitCode(int v) {
      this.exitCode = v;
      return this;
    }

    public Builder stderr(String v) {
      this.stderr = Objects.requireNonNull(v);
      return this;
    }

    public Builder elapsed(Duration v) {
      this.elapsed = Objects.requireNonNull(v);
      return this;
    }

    public Builder crashSite(String v) {
      this.crashSite = v;
      return this;
    }

    public Response build() {
      return new Response(this);
    }
  }
}
