package dev.gotrace.decoder;

import dev.gotrace.spec.TraceVersion;
import java.io.ByteArrayOutputStream;

/** Builds test inputs byte by byte: raw bytes, minimal varints, padded varints. */
final class Bytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static Bytes header(TraceVersion v) {
    Bytes b = new Bytes();
    b.out.writeBytes(v.header());
    return b;
  }

  static Bytes empty() {
    return new Bytes();
  }

  Bytes raw(int... bytes) {
    for (int x : bytes) {
      out.write(x);
    }
    return this;
  }

  Bytes ascii(String s) {
    out.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    return this;
  }

  /** Minimal varints. */
  Bytes uv(long... values) {
    for (long v : values) {
      while ((v & ~0x7FL) != 0) {
        out.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }
    return this;
  }

  /** A varint padded to {@code width} bytes. */
  Bytes padded(long v, int width) {
    for (int i = 1; i < width; i++) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
    return this;
  }

  /** An EventBatch header for gen 1, thread m, time t, with the payload size. */
  Bytes batch(long m, long t, int size) {
    return raw(1).uv(1, m, t, size);
  }

  int length() {
    return out.size();
  }

  byte[] bytes() {
    return out.toByteArray();
  }
}
