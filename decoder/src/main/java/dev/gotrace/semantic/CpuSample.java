package dev.gotrace.semantic;

import dev.gotrace.wire.WirePosition;

/** A CPU profile sample of a generation, with its time already in nanoseconds. */
final class CpuSample {
  final long thread;
  final long proc;
  /** The goroutine, -1 when the record says 0 (no goroutine). */
  final long goroutine;
  final long stackId;
  final WirePosition position;
  /** The absolute tick value of the record, then (after the generation is read) nanoseconds. */
  long time;

  CpuSample(long time, long thread, long proc, long goroutine, long stackId,
      WirePosition position) {
    this.time = time;
    this.thread = thread;
    this.proc = proc;
    this.goroutine = goroutine;
    this.stackId = stackId;
    this.position = position;
  }
}
