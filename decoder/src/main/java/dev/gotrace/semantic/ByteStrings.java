package dev.gotrace.semantic;

import java.nio.charset.StandardCharsets;

/**
 * Trace strings are bytes (Go strings), not text: two strings are the same when their bytes are,
 * and Go prints them byte for byte. Internally they are held as "byte strings", Java strings with
 * one char per byte (ISO-8859-1), which keeps every byte, compares by bytes and costs one byte per
 * char in the JVM's compact strings. Public accessors decode them as UTF-8.
 */
final class ByteStrings {
  private ByteStrings() {}

  static String of(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
  }

  static String ofText(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return of(b, 0, b.length);
  }

  static byte[] bytes(String byteString) {
    return byteString.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The text of a byte string, decoding its bytes as UTF-8 (malformed bytes become U+FFFD). */
  static String text(String byteString) {
    return new String(bytes(byteString), StandardCharsets.UTF_8);
  }
}
