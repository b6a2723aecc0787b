package dev.gotrace.wire;

import dev.gotrace.spec.EventForm;
import dev.gotrace.spec.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One event inside a batch, as it stands on the wire: its type, its arguments in spec order, the
 * frames of a stack record, the bytes of a string record, and the width of every varint so that
 * the exact input bytes can be written back.
 *
 * <p>Immutable. Arguments are unsigned 64-bit values held in {@code long}s. Widths that are all
 * minimal are not stored, so an event built by hand equals the same event decoded from minimal
 * bytes.
 */
public final class Event {
  private final EventType type;
  private final long[] values; // spec args, then 4 per frame for Stack
  private final byte[] data; // non-null exactly when type.hasData()
  private final byte[] widths; // null when every varint is minimal
  // Computed once: batches sum it for their size, the encoder for every batch it writes. The
  // int fits in the object's alignment padding (28 -> 32 bytes with compressed oops).
  private final int encodedLength;

  private Event(EventType type, long[] values, byte[] data, byte[] widths) {
    this.type = type;
    this.values = values;
    this.data = data;
    this.widths = widths;
    int n = 1;
    for (int i = 0; i < values.length; i++) {
      n += widths != null ? widths[i] : Varints.minimalWidth(values[i]);
    }
    if (data != null) {
      n += (widths != null ? widths[values.length] : Varints.minimalWidth(data.length))
          + data.length;
    }
    this.encodedLength = n;
  }

  /** An event with these spec arguments (for {@code Stack} and {@code String} use the builder). */
  public static Event of(EventType type, long... args) {
    return builder(type).args(args).build();
  }

  /** A string-table entry. */
  public static Event string(long id, byte[] data) {
    return builder(EventType.STRING).args(id).data(data).build();
  }

  /** A stack-table entry. */
  public static Event stack(long id, List<Frame> frames) {
    return builder(EventType.STACK).args(id, frames.size()).frames(frames).build();
  }

  /**
   * An event as a decoder read it, without the builder's copies: {@code values} in wire order
   * (spec arguments, then four per frame for a stack record), {@code data} for a data event, and
   * {@code widths} as read, one per varint with the data length last ({@code null} when all are
   * minimal). The event takes the arrays as they are: the caller must not change them afterwards.
   * Checks the shape as {@link Builder#build} does.
   */
  public static Event fromWire(EventType type, long[] values, byte[] data, byte[] widths) {
    EventForm form = type.form();
    if (form == EventForm.BATCH_HEADER || form == EventForm.GENERATION_END) {
      throw new IllegalArgumentException(
          type.goName() + " is a top-level record, not an event inside a batch");
    }
    int argCount = type.argCount();
    int expected = type.isStack() && values.length >= argCount
        ? argCount + 4 * (int) Math.min(values[1], Integer.MAX_VALUE / 8)
        : argCount;
    if (values.length != expected) {
      throw new IllegalArgumentException(type.goName() + " takes " + expected + " values, got "
          + values.length);
    }
    if ((data != null) != type.hasData()) {
      throw new IllegalArgumentException(type.goName()
          + (data == null ? " needs its data" : " carries no data"));
    }
    if (widths != null) {
      int count = values.length + (data != null ? 1 : 0);
      if (widths.length != count) {
        throw new IllegalArgumentException(
            type.goName() + " has " + count + " varints, got " + widths.length + " widths");
      }
      boolean minimal = true;
      for (int i = 0; i < count; i++) {
        long v = i < values.length ? values[i] : data.length;
        if (!Varints.fits(v, widths[i])) {
          throw new IllegalArgumentException(type.goName() + ": value "
              + Long.toUnsignedString(v) + " cannot be written in " + widths[i] + " bytes");
        }
        minimal &= widths[i] == Varints.minimalWidth(v);
      }
      if (minimal) {
        widths = null;
      }
    }
    return new Event(type, values, data, widths);
  }

  public static Builder builder(EventType type) {
    return new Builder(type);
  }

  public Builder toBuilder() {
    Builder b = new Builder(type);
    b.args = Arrays.copyOf(values, type.argCount());
    b.frames = Arrays.copyOfRange(values, type.argCount(), values.length);
    b.data = data;
    b.widths = widths;
    return b;
  }

  public EventType type() {
    return type;
  }

  /** The {@code i}-th spec argument (unsigned). */
  public long arg(int i) {
    Objects.checkIndex(i, type.argCount());
    return values[i];
  }

  /** The spec argument with this Go name, for example {@code "g_seq"}. */
  public long arg(String name) {
    int i = type.argIndex(name);
    if (i < 0) {
      throw new IllegalArgumentException(type.goName() + " has no argument " + name);
    }
    return values[i];
  }

  /** A copy of the spec arguments. */
  public long[] args() {
    return Arrays.copyOf(values, type.argCount());
  }

  /** The number of frames of a stack record; 0 for every other event. */
  public int frameCount() {
    return (values.length - type.argCount()) / 4;
  }

  public Frame frame(int i) {
    Objects.checkIndex(i, frameCount());
    int at = type.argCount() + 4 * i;
    return new Frame(values[at], values[at + 1], values[at + 2], values[at + 3]);
  }

  public List<Frame> frames() {
    List<Frame> list = new ArrayList<>(frameCount());
    for (int i = 0; i < frameCount(); i++) {
      list.add(frame(i));
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * All varint values of the event in wire order: the spec arguments, then the frame fields of a
   * stack record. (The length of {@link #data} follows them on the wire.)
   */
  public long[] values() {
    return values.clone();
  }

  /** The number of varints the event writes: its values, plus a length for data events. */
  public int varintCount() {
    return values.length + (data != null ? 1 : 0);
  }

  /** The varint at {@code i} in wire order (the data length comes last). */
  public long varint(int i) {
    Objects.checkIndex(i, varintCount());
    return i < values.length ? values[i] : data.length;
  }

  /** The number of bytes the {@code i}-th varint occupies on the wire. */
  public int varintWidth(int i) {
    Objects.checkIndex(i, varintCount());
    return widths != null ? widths[i] : Varints.minimalWidth(varint(i));
  }

  /** Whether every varint of the event is minimally encoded. */
  public boolean isMinimal() {
    return widths == null;
  }

  /** This event with every varint minimally encoded. */
  public Event minimal() {
    return widths == null ? this : new Event(type, values, data, null);
  }

  /** The trailing bytes of a data event (a copy), or {@code null} for other events. */
  public byte[] data() {
    return data == null ? null : data.clone();
  }

  public int dataLength() {
    return data == null ? 0 : data.length;
  }

  /** The number of bytes this event occupies on the wire, its type byte included. */
  public int encodedLength() {
    return encodedLength;
  }

  /**
   * Writes the event's wire bytes into {@code dst} at {@code pos} (the caller makes room for
   * {@link #encodedLength}, or the minimal length) and returns the position after them.
   *
   * @param minimal write every varint minimally instead of at its recorded width
   */
  public int encodeTo(byte[] dst, int pos, boolean minimal) {
    int p = pos;
    dst[p++] = (byte) type.wire();
    for (int i = 0; i < values.length; i++) {
      p = minimal || widths == null
          ? Varints.writeMinimal(dst, p, values[i])
          : Varints.write(dst, p, values[i], widths[i]);
    }
    if (data != null) {
      p = minimal || widths == null
          ? Varints.writeMinimal(dst, p, data.length)
          : Varints.write(dst, p, data.length, widths[values.length]);
      System.arraycopy(data, 0, dst, p, data.length);
      p += data.length;
    }
    return p;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Event)) {
      return false;
    }
    Event e = (Event) o;
    return type == e.type && Arrays.equals(values, e.values) && Arrays.equals(data, e.data)
        && Arrays.equals(widths, e.widths);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, Arrays.hashCode(values), Arrays.hashCode(data), Arrays.hashCode(widths));
  }

  /** The event in Go's raw text syntax (one line; frames and data on their own lines). */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(type.goName());
    for (int i = 0; i < type.argCount(); i++) {
      s.append(' ').append(type.args().get(i).name()).append('=');
      s.append(Long.toUnsignedString(values[i]));
    }
    for (int i = 0; i < frameCount(); i++) {
      s.append("\n\t").append(frame(i));
    }
    if (data != null) {
      s.append("\n\tdata=(").append(data.length).append(" bytes)");
    }
    if (widths != null) {
      s.append(" widths=").append(Arrays.toString(widths));
    }
    return s.toString();
  }

  /** Builds events; checks the shape against the spec table when {@link #build} is called. */
  public static final class Builder {
    private final EventType type;
    private long[] args;
    private long[] frames = new long[0];
    private byte[] data;
    private byte[] widths;

    private Builder(EventType type) {
      this.type = Objects.requireNonNull(type, "type");
      this.args = new long[type.argCount()];
    }

    /** Sets every spec argument, in order; for {@code Stack}, {@code nframes} is set by frames. */
    public Builder args(long... args) {
      if (args.length != type.argCount()) {
        throw new IllegalArgumentException(type.goName() + " takes " + type.argCount()
            + " arguments " + type.args() + ", got " + args.length);
      }
      this.args = args.clone();
      return this;
    }

    public Builder arg(String name, long value) {
      int i = type.argIndex(name);
      if (i < 0) {
        throw new IllegalArgumentException(type.goName() + " has no argument " + name);
      }
      args[i] = value;
      return this;
    }

    /** The frames of a stack record; sets {@code nframes} to match. */
    public Builder frames(List<Frame> list) {
      if (!type.isStack()) {
        throw new IllegalArgumentException(type.goName() + " has no frames");
      }
      long[] f = new long[list.size() * 4];
      for (int i = 0; i < list.size(); i++) {
        Frame fr = list.get(i);
        f[4 * i] = fr.pc();
        f[4 * i + 1] = fr.funcId();
        f[4 * i + 2] = fr.fileId();
        f[4 * i + 3] = fr.line();
      }
      this.frames = f;
      args[1] = list.size();
      return this;
    }

    /** Frame fields flattened, four per frame; sets {@code nframes} to match. */
    public Builder frameValues(long[] flat) {
      if (!type.isStack() || flat.length % 4 != 0) {
        throw new IllegalArgumentException(type.goName() + ": frame values come in fours");
      }
      this.frames = flat.clone();
      args[1] = flat.length / 4;
      return this;
    }

    public Builder data(byte[] data) {
      if (!type.hasData()) {
        throw new IllegalArgumentException(type.goName() + " carries no data");
      }
      this.data = data.clone();
      return this;
    }

    /**
     * The width of every varint in wire order (arguments, frame fields, then the data length);
     * {@code null} means minimal. Each width must fit its value and be at most ten.
     */
    public Builder varintWidths(byte[] widths) {
      this.widths = widths == null ? null : widths.clone();
      return this;
    }

    public Event build() {
      EventForm form = type.form();
      if (form == EventForm.BATCH_HEADER || form == EventForm.GENERATION_END) {
        throw new IllegalArgumentException(
            type.goName() + " is a top-level record, not an event inside a batch");
      }
      if (type.isStack() && args[1] != frames.length / 4) {
        throw new IllegalArgumentException("Stack nframes=" + Long.toUnsignedString(args[1])
            + " but " + frames.length / 4 + " frames given");
      }
      byte[] d = data;
      if (type.hasData() && d == null) {
        d = new byte[0];
      }
      long[] values = new long[args.length + frames.length];
      System.arraycopy(args, 0, values, 0, args.length);
      System.arraycopy(frames, 0, values, args.length, frames.length);
      byte[] w = normalizeWidths(values, d, widths);
      return new Event(type, values, d, w);
    }

    private byte[] normalizeWidths(long[] values, byte[] d, byte[] widths) {
      if (widths == null) {
        return null;
      }
      int count = values.length + (d != null ? 1 : 0);
      if (widths.length != count) {
        throw new IllegalArgumentException(
            type.goName() + " has " + count + " varints, got " + widths.length + " widths");
      }
      boolean minimal = true;
      for (int i = 0; i < count; i++) {
        long v = i < values.length ? values[i] : d.length;
        if (!Varints.fits(v, widths[i])) {
          throw new IllegalArgumentException(type.goName() + ": value "
              + Long.toUnsignedString(v) + " cannot be written in " + widths[i] + " bytes");
        }
        minimal &= widths[i] == Varints.minimalWidth(v);
      }
      return minimal ? null : widths;
    }
  }
}
