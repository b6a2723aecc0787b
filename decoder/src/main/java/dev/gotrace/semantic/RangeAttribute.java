package dev.gotrace.semantic;

/** A value attached to the end of a range. */
public record RangeAttribute(String name, long value) {}
