/**
 * Truth subjects for Go execution traces. Start from {@link dev.gotrace.testing.truth.TraceTruth}:
 * {@code assertThatParsed(...)} judges a trace as Go's parser and test validator do and asserts on
 * the verdict and the events in Go's order ({@link dev.gotrace.testing.truth.ParsedTraceSubject});
 * {@code assertThat(trace)} works on the wire model; {@code assertThatBytes} compares bytes.
 * Failure messages list facts and show the events concerned as {@code go tool trace -d=parsed}
 * prints them.
 */
package dev.gotrace.testing.truth;
