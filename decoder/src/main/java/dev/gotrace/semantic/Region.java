package dev.gotrace.semantic;

/**
 * A user region beginning or ending.
 *
 * @param task the task it belongs to (0, the background task, when none)
 * @param type the region type
 */
public record Region(long task, String type) {}
