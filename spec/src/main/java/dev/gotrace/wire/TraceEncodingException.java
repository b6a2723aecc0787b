package dev.gotrace.wire;

/**
 * A trace model that cannot be written: it breaks a limit of the format (a batch payload over 64
 * KiB, a string over 1024 bytes, a stack over 128 frames) or holds something the version cannot
 * express. Says which record and event.
 */
public final class TraceEncodingException extends TraceException {
  private static final long serialVersionUID = 1L;

  private final int recordIndex;
  private final int eventIndex;

  public TraceEncodingException(int recordIndex, int eventIndex, String problem, String expected,
      String found) {
    super(position(recordIndex, eventIndex), problem, expected, found);
    this.recordIndex = recordIndex;
    this.eventIndex = eventIndex;
  }

  private static String position(int recordIndex, int eventIndex) {
    String s = "record " + recordIndex;
    return eventIndex >= 0 ? s + ", event " + eventIndex : s;
  }

  /** The 0-based index of the record that cannot be written. */
  public int recordIndex() {
    return recordIndex;
  }

  /** The 0-based index of the event within the batch, or -1 for the batch itself. */
  public int eventIndex() {
    return eventIndex;
  }
}
