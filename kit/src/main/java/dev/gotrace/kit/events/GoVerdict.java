package dev.gotrace.kit.events;

import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.SemanticReader;
import dev.gotrace.semantic.TraceValidationException;
import dev.gotrace.semantic.ValidationMode;
import dev.gotrace.spec.TraceVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What Go's parser ({@code go tool trace -d=parsed}: {@code trace.Reader} plus {@code
 * Event.String()} on every event) says about a trace, as the semantic reader in {@link
 * ValidationMode#PARSER} mode reproduces it: the events it delivers, in both event forms, and, for
 * a rejected trace, the error with Go's message, the stage and the byte offset. The events of a
 * rejected trace are those delivered before the error (the prefix).
 */
public final class GoVerdict {
  private final TraceVersion version;
  private final List<String> canonical;
  private final List<String> goStrings;
  private final TraceValidationException error;

  private GoVerdict(TraceVersion version, List<String> canonical, List<String> goStrings,
      TraceValidationException error) {
    this.version = version;
    this.canonical = List.copyOf(canonical);
    this.goStrings = List.copyOf(goStrings);
    this.error = error;
  }

  /** Reads {@code trace} to the end or to the first error. */
  public static GoVerdict of(byte[] trace) {
    Objects.requireNonNull(trace);
    List<String> canonical = new ArrayList<>();
    List<String> strings = new ArrayList<>();
    TraceVersion version = null;
    try {
      SemanticReader r = SemanticReader.open(new ByteArrayInputStream(trace),
          ValidationMode.PARSER);
      version = r.version();
      for (ParsedEvent e = r.next(); e != null; e = r.next()) {
        canonical.add(CanonicalEvents.toLine(e));
        strings.add(e.toString());
      }
      return new GoVerdict(version, canonical, strings, null);
    } catch (TraceValidationException e) {
      return new GoVerdict(version, canonical, strings, e);
    } catch (IOException e) {
      // Reading from memory: only the reader's own exceptions can occur.
      throw new UncheckedIOException(e);
    }
  }

  public boolean accepted() {
    return error == null;
  }

  /** Go's panicking on the trace (its accessors would), rather than returning an error. */
  public boolean panics() {
    return error != null && error.stage() == TraceValidationException.Stage.PANIC;
  }

  /** The header's version, or {@code null} when the header itself is bad. */
  public TraceVersion version() {
    return version;
  }

  /** The events (for a rejected trace, those before the error), one canonical JSON line each. */
  public List<String> canonicalEvents() {
    return canonical;
  }

  /** The same events as Go's {@code Event.String()} (may span several lines each). */
  public List<String> goStrings() {
    return goStrings;
  }

  /** The error, or {@code null} when accepted. */
  public TraceValidationException error() {
    return error;
  }
}
