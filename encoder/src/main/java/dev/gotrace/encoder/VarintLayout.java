package dev.gotrace.encoder;

/** How an encoder lays out varints. */
public enum VarintLayout {
  /**
   * Every varint exactly as wide as the model says: a decoded trace is written back byte for
   * byte. Values built by hand are minimal.
   */
  PRESERVE,
  /** As the runtime writes: every batch size padded to ten bytes, everything else minimal. */
  PADDED,
  /** Every varint minimal, as Go's raw writer ({@code gotraceraw text2bytes}) writes. */
  MINIMAL
}
