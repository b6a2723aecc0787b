/**
 * Writing traces: {@link dev.gotrace.encoder.TraceWriter} (bytes, with varint widths preserved,
 * padded as the runtime pads them, or minimal) and {@link dev.gotrace.encoder.TextTraceWriter}
 * (Go's raw text format, as {@code go tool trace -d=wire} prints it).
 */
package dev.gotrace.encoder;
