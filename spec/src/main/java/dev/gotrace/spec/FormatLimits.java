package dev.gotrace.spec;

/** The size limits of the format, as Go's parser enforces them. */
public final class FormatLimits {
  /** The largest batch payload in bytes (the header's {@code size} field). */
  public static final int MAX_BATCH_PAYLOAD = 64 << 10;

  /** The longest string-table entry in bytes. */
  public static final int MAX_STRING_LENGTH = 1 << 10;

  /** The most frames a stack-table entry may hold. */
  public static final int MAX_FRAMES_PER_STACK = 128;

  /** The longest varint Go reads: ten bytes, the last of which must be 0 or 1. */
  public static final int MAX_VARINT_LENGTH = 10;

  /** The thread id Go writes for "no thread", and the P id for "no P": 2^64-1. */
  public static final long NO_THREAD = -1L;

  private FormatLimits() {}
}
