package dev.gotrace.decoder;

import dev.gotrace.text.GoUtf8;
import dev.gotrace.wire.TraceTextException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits text into lines of bytes the way Go's {@code bufio.ScanLines} does: at {@code \n} only,
 * dropping one {@code \r} before it; a last line without {@code \n} still counts. (Java's readLine
 * would also split at a lone {@code \r}.) Lines are bytes, not characters, because Go reads the
 * text format as bytes and a line need not be UTF-8; text from a {@link Reader} is taken as the
 * bytes {@link GoUtf8#encode} gives.
 */
final class LineSource {
  /**
   * The longest line read, in bytes. The longest valid line is the data line of a maximal
   * experimental batch: 64 KiB of bytes at most four characters each; anything longer is refused
   * rather than buffered without bound.
   */
  static final int MAX_LINE_LENGTH = 1 << 20;

  private final InputStream in;
  private final byte[] buf = new byte[8192];
  private int pos;
  private int limit;
  private boolean eof;
  private byte[] line = new byte[128];
  private int length;

  LineSource(InputStream in) {
    this.in = in;
  }

  LineSource(Reader in) {
    this(new EncodingStream(in));
  }

  /**
   * The next line without its terminator, or {@code null} at the end of input.
   *
   * @param number the line's number, for the error when it is too long
   */
  byte[] readLine(int number) throws IOException {
    length = 0;
    boolean any = false;
    while (true) {
      if (pos >= limit) {
        if (eof) {
          break;
        }
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
          eof = true;
          break;
        }
        pos = 0;
        limit = n;
        continue;
      }
      any = true;
      int start = pos;
      while (pos < limit && buf[pos] != '\n') {
        pos++;
      }
      append(start, pos - start);
      if (length > MAX_LINE_LENGTH) {
        throw new TraceTextException(number, MAX_LINE_LENGTH + 1, "line too long",
            "at most " + MAX_LINE_LENGTH + " bytes", "more");
      }
      if (pos < limit) {
        pos++; // the '\n'
        return finish();
      }
    }
    return any ? finish() : null;
  }

  private void append(int start, int n) {
    if (length + n > line.length) {
      line = Arrays.copyOf(line, Math.max(2 * line.length, length + n));
    }
    System.arraycopy(buf, start, line, length, n);
    length += n;
  }

  private byte[] finish() {
    int n = length;
    if (n > 0 && line[n - 1] == '\r') {
      n--;
    }
    return Arrays.copyOf(line, n);
  }

  /**
   * The bytes of a {@link Reader}'s text as {@link GoUtf8#encode} gives them; a surrogate pair
   * split between two reads still becomes one four-byte sequence.
   */
  private static final class EncodingStream extends InputStream {
    private final Reader in;
    private final char[] chars = new char[4096];
    private byte[] bytes = new byte[0];
    private int pos;
    /** A high surrogate read last, waiting for the char that may complete it. */
    private int pendingHigh = -1;

    EncodingStream(Reader in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (pos >= bytes.length) {
        if (!fill()) {
          return -1;
        }
      }
      int n = Math.min(len, bytes.length - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }

    private boolean fill() throws IOException {
      int n = in.read(chars, 0, chars.length);
      StringBuilder text = new StringBuilder(n + 1);
      if (pendingHigh >= 0) {
        text.append((char) pendingHigh);
        pendingHigh = -1;
      }
      if (n < 0) {
        if (text.length() == 0) {
          return false;
        }
      } else {
        text.append(chars, 0, n);
        int last = text.length() - 1;
        if (last >= 0 && Character.isHighSurrogate(text.charAt(last))) {
          pendingHigh = text.charAt(last);
          text.setLength(last);
        }
      }
      bytes = GoUtf8.encode(text);
      pos = 0;
      return true;
    }
  }
}
