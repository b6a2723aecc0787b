package dev.gotrace.semantic;

/**
 * A generation's clock: nanoseconds per trace tick, as Go's parser derives it from the {@code
 * Frequency} record (ticks per second). Go keeps this as one float64 and converts every tick count
 * separately, so rounding and overflow must follow {@link GoNumbers} for times to agree.
 */
final class Frequency {
  /** No Frequency record yet: Go's zero value, which its "no frequency event found" check tests. */
  static final Frequency NONE = new Frequency(0);

  private final double nanosPerTick;

  private Frequency(double nanosPerTick) {
    this.nanosPerTick = nanosPerTick;
  }

  /** The clock of a {@code Frequency} record (0 ticks per second: an infinite factor, as in Go). */
  static Frequency ofTicksPerSecond(long ticksPerSecond) {
    return new Frequency(1.0 / (GoNumbers.unsignedToDouble(ticksPerSecond) / 1e9));
  }

  boolean isPresent() {
    return nanosPerTick != 0;
  }

  /** Nanoseconds for a tick count (an unsigned value). */
  long toNanos(long ticks) {
    return GoNumbers.doubleToInt64(GoNumbers.unsignedToDouble(ticks) * nanosPerTick);
  }
}
