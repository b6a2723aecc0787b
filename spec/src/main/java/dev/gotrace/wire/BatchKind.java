package dev.gotrace.wire;

import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;

/**
 * What a batch holds. Go classifies a batch by the first byte of its payload (and the version),
 * not by its thread id; this enum states that rule once.
 */
public enum BatchKind {
  /** The string table section: {@code Strings}, then {@code String} records. */
  STRINGS,
  /** The stack table section: {@code Stacks}, then {@code Stack} records. */
  STACKS,
  /** CPU profile samples: {@code CPUSamples}, then {@code CPUSample} records. */
  CPU_SAMPLES,
  /**
   * The clock: before go 1.25 a lone {@code Frequency}; from go 1.25 on {@code Sync}, then {@code
   * Frequency} and {@code ClockSnapshot}.
   */
  SYNC,
  /** An experimental batch: an opaque payload for one experiment. */
  EXPERIMENTAL,
  /** Timed events of one thread (also an empty batch). */
  EVENTS;

  /** The kind of a non-experimental batch whose payload starts with {@code first} (-1: empty). */
  public static BatchKind ofFirstEvent(int first, TraceVersion version) {
    if (first == EventType.STRINGS.wire()) {
      return STRINGS;
    } else if (first == EventType.STACKS.wire()) {
      return STACKS;
    } else if (first == EventType.CPU_SAMPLES.wire()) {
      return CPU_SAMPLES;
    } else if (version.hasSyncEvent() ? first == EventType.SYNC.wire()
        : first == EventType.FREQUENCY.wire()) {
      return SYNC;
    }
    return EVENTS;
  }

  /** Whether an event of this type may follow the first event of a batch of this kind. */
  public boolean admitsAfterFirst(EventType type, TraceVersion version) {
    switch (this) {
      case STRINGS:
        return type == EventType.STRING;
      case STACKS:
        return type == EventType.STACK;
      case CPU_SAMPLES:
        return type == EventType.CPU_SAMPLE;
      case SYNC:
        return type == EventType.FREQUENCY
            || (version.hasSyncEvent() && type == EventType.CLOCK_SNAPSHOT);
      case EVENTS:
        return type.isTimed();
      default:
        return false;
    }
  }

  /** What may follow the first event, in words, for error messages. */
  public String describeContents(TraceVersion version) {
    switch (this) {
      case STRINGS:
        return "String";
      case STACKS:
        return "Stack";
      case CPU_SAMPLES:
        return "CPUSample";
      case SYNC:
        return version.hasSyncEvent() ? "Frequency or ClockSnapshot" : "Frequency";
      case EVENTS:
        return "a timed event";
      default:
        return "nothing";
    }
  }
}
