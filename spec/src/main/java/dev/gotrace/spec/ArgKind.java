package dev.gotrace.spec;

/**
 * What an event argument means, named after the suffix convention of Go's event table
 * ({@code p_seq}, {@code reason_string}, {@code new_stack}, {@code heapgoal_value}, ...).
 *
 * <p>Kinds let tools treat arguments by meaning (intern string ids, resolve stack ids, check
 * sequence numbers) without repeating any event's shape: the shape lives only in {@link EventType}.
 */
public enum ArgKind {
  /** Ticks since the previous event of the batch (or since the batch's base time): {@code dt}. */
  TIME_DELTA,
  /** An absolute tick value: the batch header's {@code time}, a CPU sample's {@code time}. */
  TIMESTAMP,
  /** A generation number: {@code gen}. */
  GENERATION,
  /** A batch payload length in bytes: {@code size}. */
  SIZE,
  /** Ticks per second: {@code freq}. */
  FREQUENCY,
  /** An OS thread id (2^64-1 means "no thread"): {@code m}. */
  THREAD,
  /** A P id (2^64-1 means "no P" in CPU samples): {@code p}. */
  PROC,
  /** A goroutine id: {@code g}, {@code new_g}. */
  GOROUTINE,
  /** A per-generation sequence number: {@code g_seq}, {@code p_seq}, and the global {@code gc_seq}. */
  SEQUENCE,
  /** A goroutine status code ({@code gstatus}); see {@link GoStatus}. */
  GO_STATUS,
  /** A P status code ({@code pstatus}); see {@link ProcStatus}. */
  PROC_STATUS,
  /** An id in the generation's string table (0 = empty string): {@code *_string}. */
  STRING_ID,
  /** An id in the generation's stack table (0 = no stack): {@code stack}, {@code new_stack}. */
  STACK_ID,
  /** A user task id (0 = background task): {@code task}, {@code parent_task}. */
  TASK,
  /** A plain quantity: {@code procs_value}, {@code heapalloc_value}, {@code swept_value}, ... */
  VALUE,
  /** An id the table defines (string id, stack id) or an experimental object id: {@code id}. */
  ID,
  /** How many frames follow a stack record: {@code nframes}. */
  FRAME_COUNT,
  /** The experiment of an experimental batch (a single raw byte on the wire): {@code exp}. */
  EXPERIMENT,
  /** Anything else: an uninterpreted unsigned 64-bit value (wall-clock fields, AllocFree fields). */
  RAW
}
