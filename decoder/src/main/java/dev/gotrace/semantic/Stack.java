package dev.gotrace.semantic;

import java.util.List;

/**
 * A stack trace, leaf frame first. {@link #EMPTY} stands for "no stack".
 *
 * @param frames the frames, leaf first
 */
public record Stack(List<StackFrame> frames) {
  public static final Stack EMPTY = new Stack(List.of());

  public Stack {
    frames = List.copyOf(frames);
  }

  public boolean isEmpty() {
    return frames.isEmpty();
  }
}
