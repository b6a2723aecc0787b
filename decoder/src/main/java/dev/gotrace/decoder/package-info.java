/**
 * Reading traces: {@link dev.gotrace.decoder.WireReader} (a streaming cursor over the bytes, no
 * allocation per event), {@link dev.gotrace.decoder.RecordReader} and {@link
 * dev.gotrace.decoder.TraceDecoder} (immutable values), and {@link
 * dev.gotrace.decoder.TextTraceReader} (Go's raw text format). For what the events mean, in Go's
 * order and judged as Go's parser judges them, see {@code dev.gotrace.semantic}.
 */
package dev.gotrace.decoder;
