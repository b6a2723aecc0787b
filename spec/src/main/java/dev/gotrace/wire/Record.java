package dev.gotrace.wire;

/** A top-level record of a trace: a batch, or (go 1.26) the end of a generation. */
public sealed interface Record permits Batch, EndOfGeneration {}
