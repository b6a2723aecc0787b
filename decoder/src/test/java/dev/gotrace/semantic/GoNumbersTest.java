package dev.gotrace.semantic;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** Go's conversions, where Java's casts would give other answers. */
final class GoNumbersTest {
  @Test
  void unsignedValuesAboveTwoToThe63_convertToTheirUnsignedDouble() {
    assertThat(GoNumbers.unsignedToDouble(-1L)).isEqualTo(18446744073709551615.0);
    assertThat(GoNumbers.unsignedToDouble(Long.MIN_VALUE)).isEqualTo(0x1p63);
    assertThat(GoNumbers.unsignedToDouble(123)).isEqualTo(123.0);
  }

  @Test
  void outOfRangeOrNaN_becomeTheIntegerIndefiniteValueAsOnAmd64() {
    assertThat(GoNumbers.doubleToInt64(Double.NaN)).isEqualTo(Long.MIN_VALUE);
    assertThat(GoNumbers.doubleToInt64(1e19)).isEqualTo(Long.MIN_VALUE);
    assertThat(GoNumbers.doubleToInt64(Double.POSITIVE_INFINITY)).isEqualTo(Long.MIN_VALUE);
    assertThat(GoNumbers.doubleToInt64(-1e19)).isEqualTo(Long.MIN_VALUE);
    assertThat(GoNumbers.doubleToInt64(-2.9)).isEqualTo(-2);
  }

  @Test
  void frequencyOfZero_givesAnInfiniteClockRatherThanAnError() {
    Frequency f = Frequency.ofTicksPerSecond(0);
    assertThat(f.isPresent()).isTrue();
    assertThat(f.toNanos(0)).isEqualTo(Long.MIN_VALUE); // 0 * Inf is NaN
    assertThat(Frequency.ofTicksPerSecond(15_625_000).toNanos(3)).isEqualTo(192);
  }
}
