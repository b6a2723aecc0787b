package dev.gotrace.kit.runner;

/** What a decoder under test did with one input. */
public enum Outcome {
  /** Exit status 0 (stream: {@code "ok":true}): it accepts the trace. */
  ACCEPTED,
  /** Exit status 1 (stream: {@code "ok":false}): it rejects the trace. */
  REJECTED,
  /** Any other exit status, a signal, a stream process that died or answered garbage. */
  CRASHED,
  /** Still running when its timeout ran out; it was killed. */
  HUNG
}
