package dev.gotrace.spec;

import java.util.Objects;

/**
 * One argument of an event as Go's event table declares it: its name (the key of the raw text
 * format, for example {@code reason_string}) and what it means.
 */
public final class ArgSpec {
  private final String name;
  private final ArgKind kind;

  ArgSpec(String name, ArgKind kind) {
    this.name = Objects.requireNonNull(name);
    this.kind = Objects.requireNonNull(kind);
  }

  /** The argument's name exactly as Go spells it; the text format uses it as the key. */
  public String name() {
    return name;
  }

  public ArgKind kind() {
    return kind;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArgSpec && ((ArgSpec) o).name.equals(name) && ((ArgSpec) o).kind == kind;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + kind.hashCode();
  }

  @Override
  public String toString() {
    return name + ":" + kind;
  }
}
