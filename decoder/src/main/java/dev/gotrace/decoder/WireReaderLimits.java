package dev.gotrace.decoder;

import dev.gotrace.spec.FormatLimits;

/** Sizes the readers preallocate, derived from the format's limits. */
final class WireReaderLimits {
  /** The most varints one event has: a stack's id and nframes, four per frame, and no data. */
  static final int MAX_VARINTS = 2 + 4 * FormatLimits.MAX_FRAMES_PER_STACK + 1;

  private WireReaderLimits() {}
}
