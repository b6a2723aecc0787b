package dev.gotrace.semantic;

/**
 * Reads the records of a structural batch's payload the way Go reads them from a {@code
 * bytes.Reader}: byte by byte and uvarint by uvarint, with Go's end-of-input errors.
 */
final class PayloadCursor {
  private final RawBatch batch;
  private int pos;

  PayloadCursor(RawBatch batch, int start) {
    this.batch = batch;
    this.pos = start;
  }

  int position() {
    return pos;
  }

  /** The input offset of payload index {@code i}. */
  long offsetOf(int i) {
    return batch.payloadOffset + i;
  }

  int remaining() {
    return batch.payload.length - pos;
  }

  /** The next byte, or -1 at the end. */
  int readByte() {
    return pos < batch.payload.length ? batch.payload[pos++] & 0xFF : -1;
  }

  long readUvarint() throws TraceInput.PartialVarint, TraceInput.VarintOverflow {
    long x = 0;
    byte[] p = batch.payload;
    for (int i = 0, shift = 0; ; i++, shift += 7) {
      if (pos >= p.length) {
        throw new TraceInput.PartialVarint(i > 0);
      }
      int b = p[pos++] & 0xFF;
      if (b < 0x80) {
        if (i == 9 && b > 1) {
          throw new TraceInput.VarintOverflow();
        }
        return x | (long) b << shift;
      }
      if (i == 9) {
        throw new TraceInput.VarintOverflow();
      }
      x |= (long) (b & 0x7F) << shift;
    }
  }

  /** Takes up to {@code n} bytes as a byte string; fewer if the payload ends first. */
  String take(long n) {
    int k = (int) Math.min(n, remaining());
    String s = ByteStrings.of(batch.payload, pos, k);
    pos += k;
    return s;
  }
}
