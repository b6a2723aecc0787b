package dev.gotrace.conformance.corpus;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root: the surefire property, else the nearest folder with .ci/run. */
final class RepoRoot {
  private RepoRoot() {}

  static Path find() {
    String prop = System.getProperty("gotrace.repo.root");
    if (prop != null && Files.isDirectory(Path.of(prop, "conformance"))) {
      return Path.of(prop).toAbsolutePath();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".ci/run"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the repository root from " + Path.of("")
        .toAbsolutePath());
  }
}
