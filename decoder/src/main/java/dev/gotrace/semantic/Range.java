package dev.gotrace.semantic;

import java.util.List;
import java.util.Objects;

/**
 * A named span of time on a resource: {@code stop-the-world (<kind>)} and {@code GC mark assist} on
 * a goroutine, {@code GC incremental sweep} on a proc, {@code GC concurrent mark phase} globally.
 *
 * @param name the range's name
 * @param scope where it runs; {@link ResourceId#NONE} for global ranges
 * @param attributes values known when the range ends (bytes swept and reclaimed), else empty
 */
public record Range(String name, ResourceId scope, List<RangeAttribute> attributes) {
  public Range {
    Objects.requireNonNull(name);
    Objects.requireNonNull(scope);
    attributes = List.copyOf(attributes);
  }
}
