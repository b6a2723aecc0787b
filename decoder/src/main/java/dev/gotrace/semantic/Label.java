package dev.gotrace.semantic;

/** A label attached to a resource (the goroutine the event ran on). */
public record Label(String label, ResourceId resource) {}
