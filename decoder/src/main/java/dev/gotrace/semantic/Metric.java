package dev.gotrace.semantic;

/**
 * A sampled value, named as in {@code runtime/metrics}.
 *
 * @param name {@code /sched/gomaxprocs:threads}, {@code /memory/classes/heap/objects:bytes} or
 *     {@code /gc/heap/goal:bytes}
 * @param value the value (unsigned)
 */
public record Metric(String name, long value) {}
