package dev.gotrace.decoder;

/** Which event types a reader accepts inside thread batches. */
public enum EventTable {
  /**
   * Every timed event of the whole table, whatever the header says: Go's parser reads thread
   * batches this way, so a go 1.23 trace with AllocFree events (which Go 1.23 and 1.24 runtimes
   * write) reads. The default.
   */
  FULL,
  /**
   * Only events the header version's prefix of the table names, as Go's raw reader ({@code go tool
   * trace -d=wire}, {@code gotraceraw}) does: AllocFree events fail before go 1.26.
   */
  VERSION_PREFIX
}
