package dev.gotrace.semantic;

/**
 * One top-level record as Go's parser keeps it before interpreting it: the header fields and the
 * raw payload, plus where it came from so that errors inside it can name a byte offset.
 */
final class RawBatch {
  /** Go's thread id for "no thread" (2^64-1 read as a signed 64-bit id). */
  static final long NO_THREAD = -1;

  final long generation;
  final long thread;
  final long time;
  /** The experiment byte of an ExperimentalBatch header (0 for an ordinary batch). */
  final int experiment;
  final byte[] payload;
  final int recordIndex;
  final long recordOffset;
  final long payloadOffset;

  RawBatch(long generation, long thread, long time, int experiment, byte[] payload,
      int recordIndex, long recordOffset, long payloadOffset) {
    this.generation = generation;
    this.thread = thread;
    this.time = time;
    this.experiment = experiment;
    this.payload = payload;
    this.recordIndex = recordIndex;
    this.recordOffset = recordOffset;
    this.payloadOffset = payloadOffset;
  }

  /** The first payload byte, or -1 for an empty payload. */
  int firstByte() {
    return payload.length == 0 ? -1 : payload[0] & 0xFF;
  }

  boolean isOrdinary() {
    return experiment == 0;
  }
}
