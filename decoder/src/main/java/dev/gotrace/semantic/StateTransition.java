package dev.gotrace.semantic;

import java.util.Objects;

/**
 * A goroutine or proc changing state.
 *
 * @param resource the goroutine or proc
 * @param fromOrdinal the old state: a {@link GoState} or {@link ProcState} ordinal
 * @param toOrdinal the new state, likewise
 * @param reason why, for goroutines that stop or block ("" otherwise)
 * @param stack the stack of the transitioning goroutine (for a creation, where the new goroutine
 *     starts), or {@link Stack#EMPTY}
 */
public record StateTransition(ResourceId resource, int fromOrdinal, int toOrdinal, String reason,
    Stack stack) {
  public StateTransition {
    Objects.requireNonNull(resource);
    Objects.requireNonNull(reason);
    Objects.requireNonNull(stack);
  }

  public boolean isGoroutine() {
    return resource.kind() == ResourceKind.GOROUTINE;
  }

  /** The old state of a goroutine transition. */
  public GoState goFrom() {
    requireKind(ResourceKind.GOROUTINE);
    return GoState.values()[fromOrdinal];
  }

  public GoState goTo() {
    requireKind(ResourceKind.GOROUTINE);
    return GoState.values()[toOrdinal];
  }

  /** The old state of a proc transition. */
  public ProcState procFrom() {
    requireKind(ResourceKind.PROC);
    return ProcState.values()[fromOrdinal];
  }

  public ProcState procTo() {
    requireKind(ResourceKind.PROC);
    return ProcState.values()[toOrdinal];
  }

  private void requireKind(ResourceKind kind) {
    if (resource.kind() != kind) {
      throw new IllegalStateException(
          "a " + resource.kind() + " transition, not a " + kind + " one");
    }
  }
}
