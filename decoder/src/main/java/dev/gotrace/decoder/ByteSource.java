package dev.gotrace.decoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Where a reader's bytes come from. Each read may return fewer bytes than asked (one byte at a
 * time is legal); -1 means the end of input.
 */
interface ByteSource {
  int read(byte[] dst, int off, int len) throws IOException;

  static ByteSource of(InputStream in) {
    return in::read;
  }

  static ByteSource of(ReadableByteChannel ch) {
    return (dst, off, len) -> {
      // A blocking channel returns at least one byte or -1; a non-blocking one may return 0,
      // which the reader's fill loop treats as "try again".
      return ch.read(ByteBuffer.wrap(dst, off, len));
    };
  }
}
