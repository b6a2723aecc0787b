/**
 * The one entry point to gotrace: {@link dev.gotrace.GoTraces} reads a Go execution trace (the wire
 * model), validates it as Go's parser and test validator do (a {@link dev.gotrace.Verdict} with the
 * events in Go's order and, for a rejected trace, its {@link dev.gotrace.Problem}), writes it back,
 * and starts the semantic trace DSL for a version.
 *
 * <p>The classes it hands out live in the other modules: {@code dev.gotrace.wire} (the wire model),
 * {@code dev.gotrace.semantic} (the validator's events), {@code dev.gotrace.fixtures.dsl} (the DSL).
 */
package dev.gotrace;
