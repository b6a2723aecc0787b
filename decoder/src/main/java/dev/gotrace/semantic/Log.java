package dev.gotrace.semantic;

/** A {@code runtime/trace.Log} message. */
public record Log(long task, String category, String message) {}
