package dev.gotrace.wire;

import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A batch record: a header ({@code EventBatch}, or {@code ExperimentalBatch} with its experiment
 * byte) carrying generation, thread and base time, and a payload that is either a sequence of
 * events or, for an experiment, opaque bytes.
 *
 * <p>Immutable. The payload size is not stored: it is whatever the events encode to, unless a
 * {@linkplain Builder#sizeOverride size override} asks for a wrong one on purpose (for writing
 * broken traces). Header varint widths are kept so decoded batches are written back exactly.
 */
public final class Batch implements Record {
  private final EventType headerType;
  private final int experiment;
  private final long generation;
  private final long thread;
  private final long time;
  private final List<Event> events; // empty for opaque batches
  private final byte[] payload; // non-null exactly for opaque batches
  private final HeaderWidths widths;
  private final Long sizeOverride;
  private final int payloadLength; // computed once, from the events or the opaque bytes

  private Batch(Builder b, int payloadLength) {
    this.headerType = b.headerType;
    this.experiment = b.experiment;
    this.generation = b.generation;
    this.thread = b.thread;
    this.time = b.time;
    this.events = Collections.unmodifiableList(new ArrayList<>(b.events));
    this.payload = b.payload;
    this.sizeOverride = b.sizeOverride;
    this.payloadLength = payloadLength;
    this.widths = b.widths.normalize(generation, thread, time,
        sizeOverride != null ? sizeOverride : payloadLength);
  }

  /** A builder for an ordinary {@code EventBatch}. */
  public static Builder builder() {
    return new Builder(EventType.EVENT_BATCH, 0);
  }

  /** A builder for an {@code ExperimentalBatch} with this experiment byte (0..255). */
  public static Builder experimentalBuilder(int experiment) {
    return new Builder(EventType.EXPERIMENTAL_BATCH, experiment);
  }

  public Builder toBuilder() {
    Builder b = new Builder(headerType, experiment);
    b.generation = generation;
    b.thread = thread;
    b.time = time;
    b.events.addAll(events);
    b.payload = payload;
    b.widths = widths;
    b.sizeOverride = sizeOverride;
    return b;
  }

  /** {@link EventType#EVENT_BATCH} or {@link EventType#EXPERIMENTAL_BATCH}. */
  public EventType headerType() {
    return headerType;
  }

  /** The experiment byte of an experimental batch header; 0 for an ordinary batch. */
  public int experiment() {
    return experiment;
  }

  public long generation() {
    return generation;
  }

  /** The thread (M) id; 2^64-1 (-1L) means none. */
  public long thread() {
    return thread;
  }

  /** The base time in ticks: the first event's {@code dt} is relative to it. */
  public long time() {
    return time;
  }

  /**
   * Whether the payload is opaque bytes: an experimental header with a non-zero experiment. (Go
   * reads an experimental header with experiment 0 as an ordinary batch.)
   */
  public boolean isOpaque() {
    return payload != null;
  }

  /** The events of the payload, in order (empty for an opaque batch). */
  public List<Event> events() {
    return events;
  }

  /** A copy of an opaque batch's payload, or {@code null}. */
  public byte[] opaquePayload() {
    return payload == null ? null : payload.clone();
  }

  /** What the batch holds, by Go's classification rule. */
  public BatchKind kind(TraceVersion version) {
    if (payload != null) {
      return BatchKind.EXPERIMENTAL;
    }
    return BatchKind.ofFirstEvent(events.isEmpty() ? -1 : events.get(0).type().wire(), version);
  }

  public HeaderWidths headerWidths() {
    return widths;
  }

  /** The payload length in bytes, computed from the events (or the opaque bytes). */
  public int payloadLength() {
    return payloadLength;
  }

  /** The size the header states: the override if one was set, else {@link #payloadLength}. */
  public long declaredSize() {
    return sizeOverride != null ? sizeOverride : payloadLength();
  }

  /** Whether the header deliberately states a size other than the payload length. */
  public boolean hasSizeOverride() {
    return sizeOverride != null;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Batch)) {
      return false;
    }
    Batch b = (Batch) o;
    return headerType == b.headerType && experiment == b.experiment && generation == b.generation
        && thread == b.thread && time == b.time && events.equals(b.events)
        && Arrays.equals(payload, b.payload) && widths.equals(b.widths)
        && Objects.equals(sizeOverride, b.sizeOverride);
  }

  @Override
  public int hashCode() {
    return Objects.hash(headerType, experiment, generation, thread, time, events,
        Arrays.hashCode(payload), widths, sizeOverride);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(headerType.goName());
    if (headerType == EventType.EXPERIMENTAL_BATCH) {
      s.append(" exp=").append(experiment);
    }
    s.append(" gen=").append(Long.toUnsignedString(generation));
    s.append(" m=").append(Long.toUnsignedString(thread));
    s.append(" time=").append(Long.toUnsignedString(time));
    s.append(" size=").append(declaredSize());
    if (!widths.equals(HeaderWidths.MINIMAL)) {
      s.append(' ').append(widths);
    }
    for (Event e : events) {
      s.append("\n  ").append(e.toString().replace("\n", "\n  "));
    }
    if (payload != null) {
      s.append("\n  (").append(payload.length).append(" opaque bytes)");
    }
    return s.toString();
  }

  /** Builds batches. */
  public static final class Builder {
    private final EventType headerType;
    private final int experiment;
    private long generation = 1;
    private long thread = -1L;
    private long time;
    private final List<Event> events = new ArrayList<>();
    private byte[] payload;
    private HeaderWidths widths = HeaderWidths.MINIMAL;
    private Long sizeOverride;

    private Builder(EventType headerType, int experiment) {
      if (experiment < 0 || experiment > 255) {
        throw new IllegalArgumentException("experiment is one byte, got " + experiment);
      }
      this.headerType = headerType;
      this.experiment = experiment;
    }

    public Builder generation(long generation) {
      this.generation = generation;
      return this;
    }

    /** The thread (M) id; -1L (2^64-1) for none, the default. */
    public Builder thread(long thread) {
      this.thread = thread;
      return this;
    }

    public Builder time(long time) {
      this.time = time;
      return this;
    }

    public Builder add(Event event) {
      if (isOpaque()) {
        throw new IllegalStateException("an experimental batch with experiment "
            + experiment + " holds opaque bytes, not events");
      }
      events.add(Objects.requireNonNull(event));
      return this;
    }

    public Builder addAll(List<Event> list) {
      for (Event e : list) {
        add(e);
      }
      return this;
    }

    /** The opaque payload of an experimental batch (experiment other than 0). */
    public Builder opaquePayload(byte[] bytes) {
      if (!isOpaque()) {
        throw new IllegalStateException("only an experimental batch with a non-zero experiment"
            + " holds opaque bytes");
      }
      this.payload = bytes.clone();
      return this;
    }

    public Builder headerWidths(HeaderWidths widths) {
      this.widths = Objects.requireNonNull(widths);
      return this;
    }

    /** States this size in the header instead of the real payload length (for broken traces). */
    public Builder sizeOverride(Long size) {
      this.sizeOverride = size;
      return this;
    }

    private boolean isOpaque() {
      return headerType == EventType.EXPERIMENTAL_BATCH && experiment != 0;
    }

    private int payloadLength() {
      if (payload != null) {
        return payload.length;
      }
      int n = 0;
      for (Event e : events) {
        n += e.encodedLength();
      }
      return n;
    }

    public Batch build() {
      if (isOpaque() && payload == null) {
        payload = new byte[0];
      }
      int payloadLength = payloadLength();
      long[] values = {generation, thread, time,
          sizeOverride != null ? sizeOverride : payloadLength};
      for (int i = 0; i < 4; i++) {
        if (widths.stated(i) != 0 && !Varints.fits(values[i], widths.stated(i))) {
          throw new IllegalArgumentException("batch header field " + i + " value "
              + Long.toUnsignedString(values[i]) + " cannot be written in " + widths.stated(i)
              + " bytes");
        }
      }
      return new Batch(this, payloadLength);
    }
  }
}
