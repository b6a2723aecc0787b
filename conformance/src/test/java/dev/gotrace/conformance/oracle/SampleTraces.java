package dev.gotrace.conformance.oracle;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Small binary traces for the malformed-input tests, built around the CLI's real sample trace. */
final class SampleTraces {
  private static final String SAMPLE = "/dev/gotrace/cli/sample-go1.26.trace";

  /** Offset of the first record: after the 16-byte header. */
  static final int FIRST_RECORD = 16;

  private SampleTraces() {}

  /** The real go 1.26 trace the CLI ships as its built-in sample. */
  static byte[] sample() {
    try (InputStream in = SampleTraces.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new AssertionError(SAMPLE + " is not on the test class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample's records without its header, to put behind another header. */
  static byte[] sampleRecords() {
    byte[] s = sample();
    return Arrays.copyOfRange(s, FIRST_RECORD, s.length);
  }

  /** The offset of the first batch's payload: after 01 and its four header varints. */
  static int firstPayloadOffset(byte[] trace) {
    int p = FIRST_RECORD + 1;
    for (int field = 0; field < 4; field++) {
      while ((trace[p++] & 0x80) != 0) {
        // a continuation byte of the varint
      }
    }
    return p;
  }

  /** go 1.26 header, then a batch of gen 1, m 5, time 100 whose size is 65537 (one too many). */
  static byte[] oversizedBatch() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(ascii("go 1.26 trace\0\0\0"));
    b.writeBytes(new byte[] {0x01, 0x01, 0x05, 0x64}); // EventBatch gen=1 m=5 time=100
    b.writeBytes(new byte[] {(byte) 0x81, (byte) 0x80, 0x04}); // size 65537, at offset 20
    byte[] payload = new byte[65537];
    Arrays.fill(payload, (byte) 0x0b); // ProcStop dt=11, over and over
    b.writeBytes(payload);
    b.write(0x34);
    return b.toByteArray();
  }

  static byte[] ascii(String s) {
    return s.getBytes(US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }
}
