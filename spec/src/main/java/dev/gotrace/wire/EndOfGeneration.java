package dev.gotrace.wire;

/** The go 1.26 one-byte record ({@code 0x34}) that closes the current generation. */
public final class EndOfGeneration implements Record {
  public static final EndOfGeneration INSTANCE = new EndOfGeneration();

  private EndOfGeneration() {}

  @Override
  public String toString() {
    return "EndOfGeneration";
  }
}
