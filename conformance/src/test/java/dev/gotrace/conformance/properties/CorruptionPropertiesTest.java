package dev.gotrace.conformance.properties;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.common.collect.Range;
import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.fixtures.PropertyCheck;
import dev.gotrace.fixtures.RandomWireTraces;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceFormatException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Broken bytes are reported, never crash the decoder: for small random traces, the input cut at
 * every offset and every single byte changed (to x^0xFF, 0x80|x, 0 and a random value) or deleted either
 * decodes (and then re-encodes to exactly those bytes) or throws exactly {@link
 * TraceFormatException} with an offset inside the input (for a cut, inside the prefix). Any
 * other exception or error (NullPointerException, IndexOutOfBoundsException,
 * NegativeArraySizeException, OutOfMemoryError, ...) fails the property, and so does a decode
 * that does not finish (the harness's per-trace time limit).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CorruptionPropertiesTest {
  /** Small traces, so that visiting every byte stays fast: a few hundred bytes each. */
  static final LongFunction<RandomWireTraces.Config> SMALL = seed ->
      RandomWireTraces.Config.builder()
          .targetEvents((int) Math.floorMod(seed * 7, 13L))
          .generations(1 + (int) Math.floorMod(seed >> 4, 2L))
          .maxStringLength(12)
          .maxStackFrames(3)
          .largeBatchChance(0)
          .build()
          .variedBy(seed);

  @Test
  void truncatedInput_decodesAPrefixOrReportsAnOffsetWithinTheCut() {
    PropertyLog.print(PropertyCheck.forAllTraces("truncation at every offset")
        .configs(SMALL)
        .check((trace, config) -> {
          EventTable table = config.eventTable();
          byte[] bytes = TraceWriter.encode(trace);
          for (int cut = 0; cut <= bytes.length; cut++) {
            byte[] prefix = Arrays.copyOf(bytes, cut);
            Outcome o = decode(prefix, table);
            if (o.trace != null) {
              // Only a cut between records decodes, and then to the records before it.
              int n = o.trace.records().size();
              assertWithMessage("cut at %s of %s decodes", cut, bytes.length)
                  .that(o.trace.records()).isEqualTo(trace.records().subList(0, n));
              assertWithMessage("cut at %s of %s decodes", cut, bytes.length)
                  .that(TraceWriter.encode(o.trace)).isEqualTo(prefix);
            } else {
              assertWithMessage("offset of %s for a cut at %s", o.error, cut)
                  .that(o.error.offset()).isIn(Range.closed(0L, (long) cut));
            }
          }
        }));
  }

  @Test
  void everyByteChangedOrDeleted_decodesOrReportsAnOffsetWithinTheInput() {
    PropertyLog.print(PropertyCheck.forAllTraces("every byte changed or deleted")
        .configs(SMALL)
        .check((trace, config) -> {
          EventTable table = config.eventTable();
          byte[] bytes = TraceWriter.encode(trace);
          Random random = new Random(Arrays.hashCode(bytes));
          byte[] mutated = bytes.clone();
          for (int i = 0; i < bytes.length; i++) {
            int x = bytes[i] & 0xFF;
            int[] values = {x ^ 0xFF, 0x80 | x, 0, random.nextInt(256)};
            for (int v : values) {
              if (v == x) {
                continue;
              }
              mutated[i] = (byte) v;
              Outcome o = decode(mutated, table);
              if (o.error != null) {
                assertWithMessage("offset of %s, byte %s set to 0x%s", o.error, i,
                    Integer.toHexString(v)).that(o.error.offset())
                    .isIn(Range.closed(0L, (long) bytes.length));
              } else {
                // Whatever decodes is written back byte for byte, odd widths and all.
                assertWithMessage("re-encoding after byte %s set to 0x%s", i,
                    Integer.toHexString(v)).that(TraceWriter.encode(o.trace)).isEqualTo(mutated);
              }
            }
            mutated[i] = bytes[i];
            // The byte deleted: everything after it shifts by one.
            byte[] shorter = new byte[bytes.length - 1];
            System.arraycopy(bytes, 0, shorter, 0, i);
            System.arraycopy(bytes, i + 1, shorter, i, bytes.length - i - 1);
            Outcome o = decode(shorter, table);
            if (o.error != null) {
              assertWithMessage("offset of %s, byte %s deleted", o.error, i)
                  .that(o.error.offset()).isIn(Range.closed(0L, (long) shorter.length));
            } else {
              assertWithMessage("re-encoding after byte %s deleted", i)
                  .that(TraceWriter.encode(o.trace)).isEqualTo(shorter);
            }
          }
        }));
  }

  /**
   * A decode's result: exactly one of a trace and the one exception type allowed (anything else
   * propagates).
   */
  static final class Outcome {
    final Trace trace;
    final TraceFormatException error;

    private Outcome(Trace trace, TraceFormatException error) {
      if ((trace == null) == (error == null)) {
        throw new AssertionError("a decode gives a trace or an error: " + trace + ", " + error);
      }
      this.trace = trace;
      this.error = error;
    }
  }

  /** Decodes; any exception but TraceFormatException propagates and fails the property. */
  static Outcome decode(byte[] bytes, EventTable table) {
    try {
      return new Outcome(TraceDecoder.decode(bytes, table), null);
    } catch (TraceFormatException e) {
      return new Outcome(null, e);
    }
  }
}
