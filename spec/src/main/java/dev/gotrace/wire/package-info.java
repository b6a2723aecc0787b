/**
 * The immutable wire model of a trace ({@link dev.gotrace.wire.Trace} of records: batches of events,
 * end-of-generation markers), with varint widths kept so that decode then encode is byte-identical,
 * and the checked exception family ({@link dev.gotrace.wire.TraceException}) whose members say where
 * ({@link dev.gotrace.wire.WirePosition}), what was expected and what was found.
 */
package dev.gotrace.wire;
