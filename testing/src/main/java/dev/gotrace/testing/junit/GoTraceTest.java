package dev.gotrace.testing.junit;

import dev.gotrace.spec.TraceVersion;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs once per Go trace version, each time with a fresh {@link
 * dev.gotrace.fixtures.dsl.TraceDsl} (and the {@link TraceVersion}, if asked for) as parameters.
 *
 * <pre>{@code
 * @GoTraceTest
 * void blocksOnAChannel(TraceDsl t) {
 *   Goroutine g = t.thread(0).holding(t.proc(0)).running(1);
 *   g.block(Reasons.CHAN_RECEIVE);
 *   assertThatParsed(t).goroutine(1).blockedOn(Reasons.CHAN_RECEIVE);
 * }
 *
 * @GoTraceTest(since = TraceVersion.GO_1_23)   // writes GoStatusStack, new in go 1.23
 * void ...
 * }</pre>
 *
 * <p>{@link GoTraceExtension} runs it: a failing run leaves its trace under {@code target/} with
 * the command that opens it, and a passing run's trace is checked with Go's own parser when Go is
 * on the PATH.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(GoTraceExtension.class)
public @interface GoTraceTest {
  /**
   * The versions to run on; empty (the default) for every version from {@link #since} on.
   *
   * @return the versions
   */
  TraceVersion[] versions() default {};

  /**
   * The oldest version to run on: the version that introduced the newest event the test writes.
   *
   * @return the oldest version
   */
  TraceVersion since() default TraceVersion.GO_1_22;
}
