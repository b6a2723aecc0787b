package dev.gotrace.conformance.properties;

import java.io.Reader;
import java.util.Random;

/** A reader over a string that returns at most a few chars per read (see ChunkedInputStream). */
final class ChunkedReader extends Reader {
  private final String text;
  private final int[] cycle; // with random: {max}
  private final Random random;
  private int pos;
  private int reads;

  private ChunkedReader(String text, int[] cycle, Random random) {
    this.text = text;
    this.cycle = cycle;
    this.random = random;
  }

  static ChunkedReader cycling(String text, int... sizes) {
    return new ChunkedReader(text, sizes.clone(), null);
  }

  static ChunkedReader random(String text, long seed, int max) {
    return new ChunkedReader(text, new int[] {max}, new Random(seed));
  }

  @Override
  public int read(char[] dst, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (pos >= text.length()) {
      return -1;
    }
    int chunk = random != null ? 1 + random.nextInt(cycle[0]) : cycle[reads % cycle.length];
    reads++;
    int n = Math.min(Math.min(len, chunk), text.length() - pos);
    text.getChars(pos, pos + n, dst, off);
    pos += n;
    return n;
  }

  @Override
  public void close() {}
}
