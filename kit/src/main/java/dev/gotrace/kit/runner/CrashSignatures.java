package dev.gotrace.kit.runner;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash site named in a crashed decoder's stderr: for a Go panic ({@code panic:} or {@code
 * fatal error:}) its message and top frame, skipping {@code panic(...)} and {@code runtime.}
 * frames; for a Rust panic its location; for a Java or JavaScript exception the exception line
 * and first {@code at} frame; otherwise the signal when the exit status names one (128 + N).
 * Crashes with the same site are the same bug, which is how reports group them.
 */
public final class CrashSignatures {
  private static final Pattern GO_PANIC =
      Pattern.compile("(?m)^(panic|fatal error): (.*)$");
  private static final Pattern GO_GOROUTINE = Pattern.compile("(?m)^goroutine \\d+ \\[.*\\]:$");
  private static final Pattern RUST_PANIC =
      Pattern.compile("(?m)^thread '[^']*' panicked at ([^\\n]*?):?$(\\n([^\\n]*))?");
  private static final Pattern JAVA_EXCEPTION =
      Pattern.compile("(?m)^(?:Exception in thread \"[^\"]*\" )?([\\w.$]+(?:Exception|Error)[^\\n]*)$");
  private static final Pattern AT_FRAME = Pattern.compile("(?m)^\\s+at (\\S[^\\n]*)$");
  private static final String[] SIGNALS = {
    "", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
    "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM"
  };

  private CrashSignatures() {}

  /** The crash site, or {@code null} when neither stderr nor the exit status names one. */
  public static String of(String stderr, int exitCode) {
    String go = goPanic(stderr);
    if (go != null) {
      return go;
    }
    Matcher m = RUST_PANIC.matcher(stderr);
    if (m.find()) {
      String msg = m.group(3) == null ? "" : ": " + m.group(3).trim();
      return "panicked at " + m.group(1) + msg;
    }
    m = JAVA_EXCEPTION.matcher(stderr);
    if (m.find()) {
      Matcher at = AT_FRAME.matcher(stderr);
      return m.group(1).trim() + (at.find(m.end()) ? " at " + at.group(1).trim() : "");
    }
    if (exitCode > 128 && exitCode - 128 < SIGNALS.length) {
      return "killed by signal " + (exitCode - 128) + " (" + SIGNALS[exitCode - 128] + ")";
    }
    return null;
  }

  private static String goPanic(String stderr) {
    Matcher m = GO_PANIC.matcher(stderr);
    if (!m.find()) {
      return null;
    }
    String head = m.group(1) + ": " + m.group(2).trim();
    Matcher g = GO_GOROUTINE.matcher(stderr);
    if (!g.find(m.end())) {
      return head;
    }
    String[] lines = stderr.substring(g.end()).split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty() || line.startsWith("\t") || line.startsWith(" ")) {
        continue;
      }
      if (line.startsWith("panic(") || line.startsWith("runtime.")) {
        continue;
      }
      if (line.startsWith("goroutine ")) {
        break;
      }
      String func = line.replaceAll("\\([^()]*\\)$", "");
      String where = i + 1 < lines.length && lines[i + 1].startsWith("\t")
          ? lines[i + 1].trim().replaceAll(" \\+0x[0-9a-f]+$", "") : "";
      return head + " at " + func + (where.isEmpty() ? "" : " (" + shortPath(where) + ")");
    }
    return head;
  }

  /** The last two path elements: enough to find the line, stable across machines. */
  private static String shortPath(String where) {
    int last = where.lastIndexOf('/');
    int before = last <= 0 ? -1 : where.lastIndexOf('/', last - 1);
    return before < 0 ? where : where.substring(before + 1);
  }
}
