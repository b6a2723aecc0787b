package dev.gotrace.semantic;

import dev.gotrace.spec.EventType;

/**
 * Per-event-type facts from {@link EventType} that the reader looks up for every event, copied
 * once into arrays (EventType hands out defensive copies).
 */
final class Specs {
  private static final int[][] STACK_ARGS = new int[256][];
  private static final int[][] STRING_ARGS = new int[256][];

  static {
    for (EventType t : EventType.values()) {
      STACK_ARGS[t.wire()] = t.stackArgs();
      STRING_ARGS[t.wire()] = t.stringArgs();
    }
  }

  private Specs() {}

  /** Indexes of stack-id arguments ({@code dt} is 0), the event's own stack first. */
  static int[] stackArgs(int wire) {
    return STACK_ARGS[wire];
  }

  static int[] stringArgs(int wire) {
    return STRING_ARGS[wire];
  }
}
