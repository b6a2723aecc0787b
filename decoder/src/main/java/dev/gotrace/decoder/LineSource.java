package dev.gotrace.decoder;

import java.io.IOException;
import java.io.Reader;
import dev.gotrace.wire.TraceTextException;

/**
 * Splits text into lines the way Go's {@code bufio.ScanLines} does: at {@code \n} only, dropping
 * one {@code \r} before it; a last line without {@code \n} still counts. (Java's readLine would
 * also split at a lone {@code \r}.)
 */
final class LineSource {
  /**
   * The longest line read. The longest valid line is the data line of a maximal experimental
   * batch: 64 KiB of bytes at most four characters each; anything longer is refused rather than
   * buffered without bound.
   */
  static final int MAX_LINE_LENGTH = 1 << 20;

  private final Reader in;
  private final char[] buf = new char[8192];
  private int pos;
  private int limit;
  private boolean eof;
  private final StringBuilder line = new StringBuilder(128);

  LineSource(Reader in) {
    this.in = in;
  }

  /**
   * The next line without its terminator, or {@code null} at the end of input.
   *
   * @param number the line's number, for the error when it is too long
   */
  String readLine(int number) throws IOException {
    line.setLength(0);
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
      line.append(buf, start, pos - start);
      if (line.length() > MAX_LINE_LENGTH) {
        throw new TraceTextException(number, MAX_LINE_LENGTH + 1, "line too long",
            "at most " + MAX_LINE_LENGTH + " characters", "more");
      }
      if (pos < limit) {
        pos++; // the '\n'
        return dropCarriageReturn();
      }
    }
    return any ? dropCarriageReturn() : null;
  }

  private String dropCarriageReturn() {
    int n = line.length();
    if (n > 0 && line.charAt(n - 1) == '\r') {
      line.setLength(n - 1);
    }
    return line.toString();
  }
}
