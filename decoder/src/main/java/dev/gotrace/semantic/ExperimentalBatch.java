package dev.gotrace.semantic;

import java.util.Arrays;

/**
 * The payload of an experimental batch, which the parser hands over uninterpreted with the
 * generation's {@link SyncInfo}.
 *
 * @param thread the batch header's thread id (-1 for none)
 * @param data the payload bytes (a copy is returned)
 */
public record ExperimentalBatch(long thread, byte[] data) {
  public ExperimentalBatch {
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExperimentalBatch b && b.thread == thread && Arrays.equals(b.data, data);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(thread) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "ExperimentalBatch[thread=" + thread + ", " + data.length + " bytes]";
  }
}
