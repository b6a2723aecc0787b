package dev.gotrace.semantic;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A buffered byte stream that knows the offset of the next byte. */
final class TraceInput {
  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private long base;

  TraceInput(InputStream in) {
    this.in = in;
  }

  /** The offset of the next unread byte. */
  long offset() {
    return base + pos;
  }

  /** The next byte, or -1 at the end of input. */
  int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xFF;
  }

  /** Reads up to {@code n} bytes into {@code dst}; returns how many were there. */
  int read(byte[] dst, int off, int n) throws IOException {
    int done = 0;
    while (done < n) {
      if (pos == limit && !fill()) {
        break;
      }
      int k = Math.min(n - done, limit - pos);
      System.arraycopy(buf, pos, dst, off + done, k);
      pos += k;
      done += k;
    }
    return done;
  }

  private boolean fill() throws IOException {
    base += limit;
    pos = 0;
    limit = 0;
    int r;
    do {
      r = in.read(buf, 0, buf.length);
    } while (r == 0);
    if (r < 0) {
      return false;
    }
    limit = r;
    return true;
  }

  /** Thrown by {@link #readUvarint} when the input ends inside a varint. */
  static final class PartialVarint extends EOFException {
    private static final long serialVersionUID = 1L;
    final boolean started;

    PartialVarint(boolean started) {
      super(started ? "unexpected EOF" : "EOF");
      this.started = started;
    }
  }

  /** Thrown by {@link #readUvarint} for a varint that does not fit 64 bits. */
  static final class VarintOverflow extends IOException {
    private static final long serialVersionUID = 1L;

    VarintOverflow() {
      super("binary: varint overflows a 64-bit integer");
    }
  }

  /** Reads a uvarint as Go's {@code binary.ReadUvarint} does, with its errors. */
  long readUvarint() throws IOException {
    long x = 0;
    for (int i = 0, shift = 0; ; i++, shift += 7) {
      int b = read();
      if (b < 0) {
        throw new PartialVarint(i > 0);
      }
      if (b < 0x80) {
        if (i == 9 && b > 1) {
          throw new VarintOverflow();
        }
        return x | (long) b << shift;
      }
      if (i == 9) {
        throw new VarintOverflow();
      }
      x |= (long) (b & 0x7F) << shift;
    }
  }
}
