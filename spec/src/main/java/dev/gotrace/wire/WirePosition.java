package dev.gotrace.wire;

import dev.gotrace.spec.EventType;
import java.util.Objects;

/**
 * Where in a binary trace something is: the byte offset, and the record, generation, event and
 * event type when known. Immutable; decoders build one only when they report a problem.
 */
public final class WirePosition {
  private final long offset;
  private final int recordIndex;
  private final boolean hasGeneration;
  private final long generation;
  private final int eventIndex;
  private final EventType eventType;

  private WirePosition(long offset, int recordIndex, boolean hasGeneration, long generation,
      int eventIndex, EventType eventType) {
    this.offset = offset;
    this.recordIndex = recordIndex;
    this.hasGeneration = hasGeneration;
    this.generation = generation;
    this.eventIndex = eventIndex;
    this.eventType = eventType;
  }

  /** A position in the file header or between records. */
  public static WirePosition at(long offset) {
    return new WirePosition(offset, -1, false, 0, -1, null);
  }

  /** A position inside record {@code recordIndex} (0-based), before its generation is known. */
  public static WirePosition inRecord(long offset, int recordIndex) {
    return new WirePosition(offset, recordIndex, false, 0, -1, null);
  }

  /** A position inside a batch whose header has been read. */
  public static WirePosition inBatch(long offset, int recordIndex, long generation) {
    return new WirePosition(offset, recordIndex, true, generation, -1, null);
  }

  /** A position inside event {@code eventIndex} (0-based) of a batch; the type may be null. */
  public static WirePosition inEvent(long offset, int recordIndex, long generation, int eventIndex,
      EventType type) {
    return new WirePosition(offset, recordIndex, true, generation, eventIndex, type);
  }

  /** The byte offset from the start of the input (header included). */
  public long offset() {
    return offset;
  }

  /** The 0-based index of the top-level record, or -1. */
  public int recordIndex() {
    return recordIndex;
  }

  public boolean hasGeneration() {
    return hasGeneration;
  }

  /** The generation of the batch (unsigned); meaningful when {@link #hasGeneration}. */
  public long generation() {
    return generation;
  }

  /** The 0-based index of the event within its batch, or -1. */
  public int eventIndex() {
    return eventIndex;
  }

  /** The type of the event, or {@code null} when unknown. */
  public EventType eventType() {
    return eventType;
  }

  /** Two positions are equal when they name the same offset, record, generation and event. */
  @Override
  public boolean equals(Object o) {
    return o instanceof WirePosition p && p.offset == offset && p.recordIndex == recordIndex
        && p.hasGeneration == hasGeneration && p.generation == generation
        && p.eventIndex == eventIndex && p.eventType == eventType;
  }

  @Override
  public int hashCode() {
    return Objects.hash(offset, recordIndex, hasGeneration, generation, eventIndex, eventType);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("offset ").append(offset);
    if (recordIndex >= 0) {
      s.append(" (record ").append(recordIndex);
      if (hasGeneration) {
        s.append(", generation ").append(Long.toUnsignedString(generation));
      }
      if (eventIndex >= 0) {
        s.append(", event ").append(eventIndex);
        if (eventType != null) {
          s.append(' ').append(eventType.goName());
        }
      }
      s.append(')');
    }
    return s.toString();
  }
}
