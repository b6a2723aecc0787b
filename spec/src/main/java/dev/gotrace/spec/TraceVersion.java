package dev.gotrace.spec;

import java.nio.charset.StandardCharsets;

/**
 * The versions of the v2 trace format, named by the header the runtime writes: {@code go 1.22},
 * {@code go 1.23} (also written by Go 1.24), {@code go 1.25} and {@code go 1.26}.
 *
 * <p>Each version takes a prefix of {@link EventType}'s table, as Go's raw reader does; the version
 * also decides how sync batches look and whether generations end in-band.
 */
public enum TraceVersion {
  GO_1_22(22, 44),
  GO_1_23(23, 49),
  GO_1_25(25, 51),
  /** The whole table, experimental events included. */
  GO_1_26(26, 136);

  /** Every header is exactly this long: {@code go 1.NN trace} and three NUL bytes. */
  public static final int HEADER_LENGTH = 16;

  private final int number;
  private final int lastWire;

  TraceVersion(int number, int lastWire) {
    this.number = number;
    this.lastWire = lastWire;
  }

  /** The minor version in the header: 22 for {@code go 1.22}. */
  public int number() {
    return number;
  }

  /** The file header: {@code go 1.NN trace} followed by three NUL bytes. */
  public byte[] header() {
    return ("go 1." + number + " trace\0\0\0").getBytes(StandardCharsets.US_ASCII);
  }

  /** The first line of the raw text format: {@code Trace Go1.NN}. */
  public String textHeader() {
    return "Trace Go1." + number;
  }

  /**
   * Whether Go's version-prefixed table (the one its raw reader, {@code go tool trace -d=wire}
   * and the text converters use) names this event. Go 1.23 and 1.25 runtimes write the AllocFree
   * events, but only the go 1.26 table names them.
   */
  public boolean rawTableIncludes(EventType type) {
    return type.wire() <= lastWire;
  }

  /** Whether sync batches start with {@code Sync} and carry a {@code ClockSnapshot} (1.25+). */
  public boolean hasSyncEvent() {
    return number >= 25;
  }

  /** Whether every generation ends with the one-byte {@code EndOfGeneration} record (1.26+). */
  public boolean hasEndOfGeneration() {
    return number >= 26;
  }

  /** Whether experimental batches and events may appear (1.23+). */
  public boolean hasExperiments() {
    return number >= 23;
  }

  /** The version with this header number, or {@code null} when it is not a v2 version. */
  public static TraceVersion ofNumber(long number) {
    for (TraceVersion v : values()) {
      if (v.number == number) {
        return v;
      }
    }
    return null;
  }

  /** The newest version. */
  public static TraceVersion latest() {
    return GO_1_26;
  }
}
