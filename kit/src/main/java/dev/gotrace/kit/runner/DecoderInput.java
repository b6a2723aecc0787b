package dev.gotrace.kit.runner;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One input for a decoder under test: a name (for messages and blame), the trace's bytes and,
 * when it exists on disk, its file (the exec protocol passes the path; without one it writes the
 * bytes to a temporary file).
 */
public record DecoderInput(String name, byte[] bytes, Path file) {
  public DecoderInput {
    Objects.requireNonNull(name);
    Objects.requireNonNull(bytes);
  }

  /** An input held in memory only. */
  public static DecoderInput of(String name, byte[] bytes) {
    return new DecoderInput(name, bytes, null);
  }
}
