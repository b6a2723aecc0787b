/**
 * A JUnit 5 extension for tests that build Go traces: {@link
 * dev.gotrace.testing.junit.GoTraceTest} runs a test once per Go trace version with a fresh DSL,
 * keeps the trace of a failing run under {@code target/} with the {@code go tool trace} command that
 * opens it, and has Go's own parser read every trace a passing run built (when Go is on the PATH;
 * {@code -Dgotrace.go.check=required} makes a missing Go a failure).
 */
package dev.gotrace.testing.junit;
