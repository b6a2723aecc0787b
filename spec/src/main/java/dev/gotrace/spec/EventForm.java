package dev.gotrace.spec;

/** Where an event may stand on the wire and how its bytes are laid out. */
public enum EventForm {
  /**
   * A top-level record header ({@code EventBatch}, {@code ExperimentalBatch}): header arguments,
   * then a payload whose length is the last varint.
   */
  BATCH_HEADER,
  /** The Go 1.26 one-byte top-level record that closes a generation. */
  GENERATION_END,
  /**
   * The first byte of a structural batch ({@code Strings}, {@code Stacks}, {@code CPUSamples},
   * {@code Sync}): it has no arguments and decides what the rest of the batch may hold.
   */
  SECTION_HEADER,
  /**
   * An untimed record inside a structural batch ({@code String}, {@code Stack}, {@code CPUSample},
   * {@code Frequency}).
   */
  TABLE_ENTRY,
  /** A timed event: its first argument is {@code dt}, ticks since the previous event. */
  TIMED
}
