package dev.gotrace.semantic;

/**
 * A user task ({@code runtime/trace.NewTask}) beginning or ending.
 *
 * @param id the task id (unsigned)
 * @param parent the parent task id, 2^64-1 (-1) when there is none or it is unknown
 * @param type the task type ("" if the task's beginning was not seen)
 */
public record Task(long id, long parent, String type) {
  /** "No task": 2^64-1. */
  public static final long NO_TASK = -1;
}
