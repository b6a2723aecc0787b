package dev.gotrace.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The repository's {@code gotrace} launcher script, run in a child process as a user runs it.
 * Tests run before the build packs {@code gotrace.jar}, so the script is copied into a directory
 * with a stand-in jar: only a manifest, whose class path is this test's.
 */
final class Launcher {
  private final Path script;

  private Launcher(Path script) {
    this.script = script;
  }

  /** What one run did (bytes as ISO-8859-1, so binary output survives). */
  record Result(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
    }
  }

  static Launcher installIn(Path dir) throws IOException {
    Path script = dir.resolve("gotrace");
    Files.copy(repositoryScript(), script, StandardCopyOption.COPY_ATTRIBUTES);
    Path jar = Files.createDirectories(dir.resolve("cli/target")).resolve("gotrace.jar");
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, GotraceCommand.class.getName());
    StringBuilder classPath = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.append(classPath.length() == 0 ? "" : " ")
          .append(Path.of(entry).toAbsolutePath().toUri());
    }
    m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath.toString());
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j =
        new JarOutputStream(out, m)) {
      // the manifest is the whole jar
    }
    return new Launcher(script);
  }

  /**
   * Runs {@code umask UMASK; gotrace ARGS} with JAVA_OPTS and GOTRACE_OPTS from {@code env}
   * only, and JAVA_HOME pointing at this JVM.
   */
  Result run(String umask, Map<String, String> env, Path workDir, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", "-c", "umask " + umask
        + " && exec \"$0\" \"$@\"", script.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
    pb.environment().remove("JAVA_OPTS");
    pb.environment().remove("GOTRACE_OPTS");
    pb.environment().remove("GOTRACE_STACKTRACE");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("gotrace " + String.join(" ", args) + " did not end in 120 s");
    }
    Result r = new Result(p.exitValue(), Files.readString(out, ISO_8859_1),
        Files.readString(err, ISO_8859_1));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  /** The launcher at the repository root (Surefire runs in the cli module's directory). */
  private static Path repositoryScript() {
    for (String root : new String[] {System.getProperty("gotrace.repo.root"), ".."}) {
      if (root != null && Files.isRegularFile(Path.of(root, "gotrace"))
          && Files.isDirectory(Path.of(root, "cli"))) {
        return Path.of(root, "gotrace");
      }
    }
    throw new AssertionError("the gotrace launcher script is not at the repository root ("
        + System.getProperty("gotrace.repo.root") + " or ..)");
  }
}
