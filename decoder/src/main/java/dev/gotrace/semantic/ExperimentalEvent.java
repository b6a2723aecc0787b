package dev.gotrace.semantic;

import java.util.List;

/**
 * An experimental event, uninterpreted.
 *
 * @param name the event's name ({@code HeapObjectAlloc}, ...)
 * @param experiment the experiment's name ({@code AllocFree})
 * @param argNames the argument names after the time delta
 * @param values the argument values, in the same order (a copy is returned)
 */
public record ExperimentalEvent(String name, String experiment, List<String> argNames,
    long[] values) {
  public ExperimentalEvent {
    argNames = List.copyOf(argNames);
    values = values.clone();
  }

  @Override
  public long[] values() {
    return values.clone();
  }
}
