package dev.gotrace.wire;

import dev.gotrace.spec.TraceVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A whole trace as it stands on the wire: the version of its header and its records in file
 * order. Keeping batch order, boundaries, thread ids and varint widths makes decode then encode
 * reproduce the input byte for byte.
 */
public final class Trace {
  private final TraceVersion version;
  private final List<Record> records;

  private Trace(TraceVersion version, List<Record> records) {
    this.version = Objects.requireNonNull(version);
    this.records = Collections.unmodifiableList(new ArrayList<>(records));
  }

  public static Trace of(TraceVersion version, List<? extends Record> records) {
    return new Trace(version, new ArrayList<>(records));
  }

  public static Builder builder(TraceVersion version) {
    return new Builder(version);
  }

  public TraceVersion version() {
    return version;
  }

  public List<Record> records() {
    return records;
  }

  /** The batches, in file order. */
  public List<Batch> batches() {
    List<Batch> out = new ArrayList<>();
    for (Record r : records) {
      if (r instanceof Batch) {
        out.add((Batch) r);
      }
    }
    return out;
  }

  /** The number of events over all batches. */
  public long eventCount() {
    long n = 0;
    for (Record r : records) {
      if (r instanceof Batch) {
        n += ((Batch) r).events().size();
      }
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Trace && ((Trace) o).version == version
        && ((Trace) o).records.equals(records);
  }

  @Override
  public int hashCode() {
    return version.hashCode() * 31 + records.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(version.textHeader());
    for (Record r : records) {
      s.append('\n').append(r);
    }
    return s.toString();
  }

  /** Builds traces record by record. */
  public static final class Builder {
    private final TraceVersion version;
    private final List<Record> records = new ArrayList<>();

    private Builder(TraceVersion version) {
      this.version = Objects.requireNonNull(version);
    }

    public Builder add(Record record) {
      records.add(Objects.requireNonNull(record));
      return this;
    }

    public Builder endGeneration() {
      return add(EndOfGeneration.INSTANCE);
    }

    public Trace build() {
      return new Trace(version, records);
    }
  }
}
