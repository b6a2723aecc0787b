package dev.gotrace.kit.events;

import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.SemanticReader;
import dev.gotrace.semantic.TraceValidationException;
import dev.gotrace.semantic.ValidationMode;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
  private final Set<EventType> wireTypes;
  private final int syncs;

  private GoVerdict(TraceVersion version, List<String> canonical, List<String> goStrings,
      TraceValidationException error, Set<EventType> wireTypes, int syncs) {
    this.version = version;
    this.wireTypes = wireTypes.isEmpty() ? Set.of() : Collections.unmodifiableSet(
        EnumSet.copyOf(wireTypes));
    this.syncs = syncs;
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
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    int syncs = 0;
    try {
      SemanticReader r = SemanticReader.open(new ByteArrayInputStream(trace),
          ValidationMode.PARSER);
      version = r.version();
      for (ParsedEvent e = r.next(); e != null; e = r.next()) {
        canonical.add(CanonicalEvents.toLine(e));
        strings.add(e.toString());
        if (e.wireType() != null) {
          types.add(e.wireType());
        } else {
          syncs++;
        }
      }
      return new GoVerdict(version, canonical, strings, null, types, syncs);
    } catch (TraceValidationException e) {
      return new GoVerdict(version, canonical, strings, e, types, syncs);
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

  /** The wire event types of the delivered events (Syncs aside). */
  public Set<EventType> wireTypes() {
    return wireTypes;
  }

  /** How many Sync events were delivered: one per generation plus the final one. */
  public int syncs() {
    return syncs;
  }

  /** The error, or {@code null} when accepted. */
  public TraceValidationException error() {
    return error;
  }
}
