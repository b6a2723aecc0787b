package dev.gotrace.conformance.properties;

import java.io.InputStream;
import java.util.Random;

/**
 * An input stream over bytes that returns at most a few bytes per read, in a fixed cycle of chunk
 * sizes or at random: a reader that assumes {@code read} fills its buffer breaks on it.
 */
final class ChunkedInputStream extends InputStream {
  private final byte[] bytes;
  private final int[] cycle; // null: random sizes
  private final Random random;
  private int pos;
  private int reads;

  private ChunkedInputStream(byte[] bytes, int[] cycle, Random random) {
    this.bytes = bytes;
    this.cycle = cycle;
    this.random = random;
  }

  /** Reads return at most {@code sizes[0]}, then {@code sizes[1]}, ... bytes, cyclically. */
  static ChunkedInputStream cycling(byte[] bytes, int... sizes) {
    return new ChunkedInputStream(bytes, sizes.clone(), null);
  }

  /** Reads return between 1 and {@code max} bytes, chosen by a seeded random source. */
  static ChunkedInputStream random(byte[] bytes, long seed, int max) {
    return new ChunkedInputStream(bytes, new int[] {max}, new Random(seed));
  }

  private int nextChunk() {
    int size = random != null ? 1 + random.nextInt(cycle[0]) : cycle[reads % cycle.length];
    reads++;
    return size;
  }

  @Override
  public int read() {
    return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] dst, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (pos >= bytes.length) {
      return -1;
    }
    int n = Math.min(Math.min(len, nextChunk()), bytes.length - pos);
    System.arraycopy(bytes, pos, dst, off, n);
    pos += n;
    return n;
  }
}
