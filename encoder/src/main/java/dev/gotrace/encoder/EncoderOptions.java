package dev.gotrace.encoder;

import java.util.Objects;

/**
 * How a {@link TraceWriter} writes. Immutable; {@link #DEFAULTS} preserves widths and enforces
 * the format's limits.
 */
public final class EncoderOptions {
  public static final EncoderOptions DEFAULTS = new EncoderOptions(VarintLayout.PRESERVE, true);

  private final VarintLayout layout;
  private final boolean checkLimits;

  private EncoderOptions(VarintLayout layout, boolean checkLimits) {
    this.layout = Objects.requireNonNull(layout);
    this.checkLimits = checkLimits;
  }

  public VarintLayout layout() {
    return layout;
  }

  /**
   * Whether to refuse what Go's parser would refuse at the wire level: a payload over 64 KiB, a
   * string over 1024 bytes, a stack over 128 frames, a record the version cannot hold. Turn off
   * only to write broken traces on purpose.
   */
  public boolean checkLimits() {
    return checkLimits;
  }

  public EncoderOptions withLayout(VarintLayout layout) {
    return new EncoderOptions(layout, checkLimits);
  }

  public EncoderOptions withCheckLimits(boolean check) {
    return new EncoderOptions(layout, check);
  }
}
