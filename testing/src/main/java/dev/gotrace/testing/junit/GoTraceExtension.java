package dev.gotrace.testing.junit;

import dev.gotrace.fixtures.dsl.TraceDsl;
import dev.gotrace.spec.TraceVersion;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs {@link GoTraceTest}s on every Go version they allow, hands them {@link TraceDsl}s, and looks
 * after the traces they build.
 *
 * <ul>
 *   <li>A {@code TraceDsl} parameter is a fresh DSL of the run's version (a {@code TraceVersion}
 *       parameter is that version). On a plain {@code @Test} of a class extended with this
 *       extension, it is a DSL of the latest version.
 *   <li>When the test fails, each DSL's trace is written under {@code target/gotrace-traces/}
 *       (see {@link TraceFiles}); the failure gets a suppressed note with the file and the command
 *       that opens it ({@code go tool trace FILE}), also printed and published as a report entry.
 *   <li>When the test passes, each DSL's trace (built now if the test did not build it) is read by
 *       Go's parser ({@code go tool trace -d=parsed}) if Go is on the PATH; a rejection fails the
 *       test with Go's message, and the trace is kept as for a failure.
 * </ul>
 *
 * <p>Configuration parameters (JUnit's, or system properties): {@code gotrace.go.check} is {@code
 * auto} (the default: check when Go is there), {@code required} (a missing Go fails the test) or
 * {@code off}; {@code gotrace.go} names the go command (default {@code go}); {@code
 * gotrace.traces.dir} the directory for kept traces.
 */
public final class GoTraceExtension implements TestTemplateInvocationContextProvider,
    ParameterResolver, AfterTestExecutionCallback {
  /** Configuration parameter: {@code auto}, {@code required} or {@code off}. */
  public static final String GO_CHECK = "gotrace.go.check";
  /** Configuration parameter: the go command. */
  public static final String GO_COMMAND = "gotrace.go";
  /** Configuration parameter: where traces of failed tests go. */
  public static final String TRACES_DIR = "gotrace.traces.dir";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(GoTraceExtension.class);
  private static final String DSLS = "dsls";

  /** One run's DSL and its version. */
  private record Made(TraceVersion version, TraceDsl dsl) {}

  /** Creates the extension (JUnit does, from {@code @ExtendWith}). */
  public GoTraceExtension() {}

  // ---- One run per version. ----

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> m.isAnnotationPresent(GoTraceTest.class))
        .orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    GoTraceTest spec = context.getRequiredTestMethod().getAnnotation(GoTraceTest.class);
    List<TraceVersion> versions = new ArrayList<>();
    List<TraceVersion> named = Arrays.asList(spec.versions());
    for (TraceVersion v : TraceVersion.values()) {
      if (v.number() >= spec.since().number() && (named.isEmpty() || named.contains(v))) {
        versions.add(v);
      }
    }
    if (versions.isEmpty()) {
      throw new IllegalStateException(context.getRequiredTestMethod() + ": no version is both in "
          + named + " and since " + spec.since());
    }
    return versions.stream().map(GoTraceExtension::invocation);
  }

  private static TestTemplateInvocationContext invocation(TraceVersion v) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return "go 1." + v.number();
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new VersionResolver(v));
      }
    };
  }

  /** Resolves the parameters of one run. */
  private static final class VersionResolver implements ParameterResolver {
    private final TraceVersion version;

    VersionResolver(TraceVersion version) {
      this.version = version;
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
      Class<?> type = p.getParameter().getType();
      return type == TraceDsl.class || type == TraceVersion.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext context) {
      return p.getParameter().getType() == TraceVersion.class ? version : newDsl(context, version);
    }
  }

  // ---- Plain tests: the latest version. ----

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
    Optional<Method> m = context.getTestMethod();
    boolean template = m.isPresent() && m.get().isAnnotationPresent(GoTraceTest.class);
    return !template && p.getParameter().getType() == TraceDsl.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext context)
      throws ParameterResolutionException {
    return newDsl(context, TraceVersion.latest());
  }

  private static TraceDsl newDsl(ExtensionContext context, TraceVersion v) {
    TraceDsl dsl = TraceDsl.create(v);
    made(context).add(new Made(v, dsl));
    return dsl;
  }

  @SuppressWarnings("unchecked")
  private static List<Made> made(ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(DSLS, k -> new ArrayList<Made>(),
        List.class);
  }

  // ---- After the test. ----

  @Override
  public void afterTestExecution(ExtensionContext context) throws Exception {
    List<Made> all = made(context);
    if (all.isEmpty()) {
      return;
    }
    Optional<Throwable> failure = context.getExecutionException();
    if (failure.isPresent()) {
      keepForFailure(context, all, failure.get());
    } else {
      checkWithGo(context, all);
    }
  }

  private void keepForFailure(ExtensionContext context, List<Made> all, Throwable failure) {
    for (int i = 0; i < all.size(); i++) {
      Made m = all.get(i);
      byte[] bytes;
      try {
        bytes = m.dsl().bytes();
      } catch (RuntimeException e) {
        failure.addSuppressed(new TraceNote("the trace could not be built to keep it: " + e));
        continue;
      }
      try {
        Path file = files(context).write(className(context), methodName(context),
            "go1." + m.version().number(), i, bytes);
        String note = "the failing test's trace: " + file + "\n  open it with: "
            + TraceFiles.openCommand(file);
        failure.addSuppressed(new TraceNote(note));
        context.publishReportEntry("gotrace.trace", file.toString());
        System.err.println("gotrace: " + note);
      } catch (IOException e) {
        failure.addSuppressed(new TraceNote("writing the trace failed: " + e));
      }
    }
  }

  private void checkWithGo(ExtensionContext context, List<Made> all) throws IOException {
    String mode = context.getConfigurationParameter(GO_CHECK).orElse("auto");
    if (mode.equals("off")) {
      return;
    }
    if (!mode.equals("auto") && !mode.equals("required")) {
      throw new IllegalArgumentException(GO_CHECK + " must be auto, required or off, got '"
          + mode + "'");
    }
    GoParserCheck go = new GoParserCheck(context.getConfigurationParameter(GO_COMMAND)
        .orElse("go"));
    for (int i = 0; i < all.size(); i++) {
      Made m = all.get(i);
      Path file = files(context).write(className(context), methodName(context),
          "go1." + m.version().number(), i, m.dsl().bytes());
      GoParserCheck.Answer a = go.check(file);
      switch (a.outcome()) {
        case ACCEPTED -> java.nio.file.Files.delete(file);
        case NO_GO -> {
          java.nio.file.Files.delete(file);
          if (mode.equals("required")) {
            throw new AssertionError(GO_CHECK + "=required, but Go's parser could not run: "
                + a.message());
          }
          return;
        }
        case REJECTED -> throw new AssertionError("Go's parser rejects the trace the test built"
            + " (go 1." + m.version().number() + "): " + a.message() + "\n  the trace: " + file
            + "\n  open it with: " + TraceFiles.openCommand(file));
        default -> throw new IllegalStateException(a.outcome().toString());
      }
    }
  }

  private static TraceFiles files(ExtensionContext context) {
    return new TraceFiles(Path.of(context.getConfigurationParameter(TRACES_DIR)
        .orElse("target/gotrace-traces")));
  }

  private static String className(ExtensionContext context) {
    return context.getRequiredTestClass().getSimpleName();
  }

  private static String methodName(ExtensionContext context) {
    return context.getRequiredTestMethod().getName();
  }

  /** Added to a failure as a suppressed exception, so the trace's place shows with the failure. */
  static final class TraceNote extends Exception {
    private static final long serialVersionUID = 1L;

    TraceNote(String message) {
      super(message, null, false, false);
    }
  }
}
