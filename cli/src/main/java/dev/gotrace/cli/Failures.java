package dev.gotrace.cli;

import dev.gotrace.wire.TraceException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * What a user sees when a command fails: one line on standard error that says what went wrong
 * (never a Java stack trace unless asked for), and the exit status.
 */
final class Failures {
  private static final long MIB = 1L << 20;

  private Failures() {}

  /** Prints the line (and, if asked, the stack trace after it); returns the exit status. */
  static int report(Throwable e, PrintWriter err, boolean stackTrace) {
    err.println("gotrace: " + describe(e));
    if (stackTrace) {
      e.printStackTrace(err);
    }
    err.flush();
    return exitCodeOf(e);
  }

  static int exitCodeOf(Throwable e) {
    return e instanceof TraceException
        ? GotraceCommand.EXIT_INVALID_INPUT
        : GotraceCommand.EXIT_USAGE_OR_IO;
  }

  /** The line without the {@code gotrace: } prefix. */
  static String describe(Throwable e) {
    if (e instanceof TraceException) {
      return oneLine(e.getMessage());
    }
    if (e instanceof OutOfMemoryError) {
      return outOfMemory((OutOfMemoryError) e, Runtime.getRuntime().maxMemory());
    }
    if (e instanceof UncheckedIOException && e.getCause() != null) {
      return describe(e.getCause());
    }
    if (e instanceof FileSystemException) {
      FileSystemException f = (FileSystemException) e;
      String reason = f.getReason();
      if (reason == null) {
        reason = e instanceof NoSuchFileException ? "no such file"
            : e instanceof AccessDeniedException ? "permission denied"
            : e.getClass().getSimpleName();
      }
      return (f.getFile() == null ? "" : f.getFile() + ": ") + oneLine(reason);
    }
    if (e instanceof Error || (e instanceof RuntimeException && !expected(e))) {
      // A bug in gotrace, not a problem with the input: say so, and how to see more.
      return "internal error: " + e + " (rerun with --stacktrace to see where; please report it)";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : oneLine(m);
  }

  /** Exceptions gotrace throws on purpose, with a message meant for the user. */
  private static boolean expected(Throwable e) {
    return e instanceof IllegalArgumentException || e instanceof IllegalStateException;
  }

  /**
   * What ran out and how to give more. The JVM's reason says which memory it was; only heap
   * exhaustion is helped by {@code -Xmx}, so the advice depends on it.
   */
  static String outOfMemory(OutOfMemoryError e, long maxHeap) {
    String reason = e.getMessage() == null ? "" : e.getMessage();
    if (reason.contains("Requested array size exceeds VM limit")) {
      return "out of memory: the input needs one array larger than Java allows (about 2 GiB),"
          + " which more heap does not change";
    }
    if (reason.isEmpty() || reason.contains("Java heap space")
        || reason.contains("GC overhead limit exceeded")) {
      long mib = Math.round((double) maxHeap / MIB);
      return "out of memory: the Java heap (at most " + mib + " MiB) is too small for this input;"
          + " give Java more heap, e.g. JAVA_OPTS=-Xmx" + suggestedGiB(maxHeap) + "g ./gotrace ...";
    }
    return "out of memory: " + oneLine(reason) + "; give Java more with JAVA_OPTS (the heap is at"
        + " most " + Math.round((double) maxHeap / MIB) + " MiB)";
  }

  /** At least 2 GiB, else twice the current heap, in whole GiB. */
  private static long suggestedGiB(long maxHeap) {
    long twice = 2 * maxHeap;
    return Math.max(2, (twice + (1L << 30) - 1) >> 30);
  }

  private static String oneLine(String m) {
    return m.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }
}
