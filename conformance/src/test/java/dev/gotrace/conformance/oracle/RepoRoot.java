package dev.gotrace.conformance.oracle;

import java.nio.file.Files;
import java.nio.file.Path;

/** The root of the gotrace checkout, where the launcher, the oracle and the Go sources live. */
final class RepoRoot {
  /** A file only the repository root has, to recognise it when walking up. */
  private static final String MARKER = "conformance/oracle/main.go";

  private static Path root;

  private RepoRoot() {}

  /**
   * The repository root: the {@code gotrace.repo.root} system property (surefire passes Maven's
   * multi-module directory), or else the nearest directory above the working directory that holds
   * the oracle sources (an IDE running one test).
   */
  static synchronized Path get() {
    if (root == null) {
      root = locate();
    }
    return root;
  }

  private static Path locate() {
    String property = System.getProperty("gotrace.repo.root");
    if (property != null && !property.isBlank()) {
      Path p = Path.of(property).toAbsolutePath().normalize();
      if (Files.isRegularFile(p.resolve(MARKER))) {
        return p;
      }
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(MARKER))) {
        return p;
      }
    }
    throw new AssertionError("cannot find the gotrace repository root: gotrace.repo.root is "
        + property + " and no directory above " + Path.of("").toAbsolutePath() + " holds "
        + MARKER);
  }
}
