package dev.gotrace.semantic;

import java.util.Objects;

/**
 * A goroutine, proc or thread, or no resource (the scope of the global GC range).
 *
 * @param kind what the id names
 * @param id the goroutine, proc or thread id as Go's signed 64-bit id (-1 means none); 0 for {@link
 *     ResourceKind#NONE}
 */
public record ResourceId(ResourceKind kind, long id) {
  public static final ResourceId NONE = new ResourceId(ResourceKind.NONE, 0);

  public ResourceId {
    Objects.requireNonNull(kind);
  }

  public static ResourceId goroutine(long id) {
    return new ResourceId(ResourceKind.GOROUTINE, id);
  }

  public static ResourceId proc(long id) {
    return new ResourceId(ResourceKind.PROC, id);
  }

  /** Go's form: {@code Goroutine(5)}, {@code Proc(0)}, {@code None}. */
  @Override
  public String toString() {
    return kind == ResourceKind.NONE ? kind.goName() : kind.goName() + "(" + id + ")";
  }
}
