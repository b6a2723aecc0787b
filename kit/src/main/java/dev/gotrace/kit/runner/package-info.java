/**
 * Runs a trace decoder under test, in any language, on one input at a time and says what it did:
 * accepted (exit 0, events on stdout), rejected (exit 1, message on stderr), crashed (any other
 * exit, a signal, or a stream process that died) or hung (ran past its timeout), with the crash
 * site where the output names one (a Go panic's top frame, a Rust panic's location, a Java
 * exception's first frame).
 *
 * <p>Two protocols: {@link ExecRunner} starts {@code CMD ARGS... FILE} once per input; {@link
 * StreamRunner} keeps one process and feeds it framed inputs on stdin, one JSON result line per
 * input, restarting it after a crash or hang and blaming the input in flight. {@link
 * InProcessRunner} wraps a Java function for decoders that run inside the JVM. All implement
 * {@link DecoderRunner}; the harness and the differential fuzzer build on that interface only.
 */
package dev.gotrace.kit.runner;
