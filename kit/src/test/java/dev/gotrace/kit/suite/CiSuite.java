package dev.gotrace.kit.suite;

import dev.gotrace.kit.adapters.GoAdapters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The suite the kit's tests run on, built and exported once per JVM: the scenario catalog, the
 * real traces up to 8 KB, 200 random valid traces and 40 minimised mutants per version (about
 * 1,050 cases; the default export is about 1,200, see docs/CONFORMANCE.md).
 */
public final class CiSuite {
  public static final int RANDOM = 200;
  public static final int MUTANTS = 40;
  private static List<SuiteCase> cases;
  private static Suite suite;

  private CiSuite() {}

  public static synchronized List<SuiteCase> cases() {
    if (cases == null) {
      try {
        cases = SuiteBuilder.create()
            .corpus(GoAdapters.repoRoot().resolve("conformance/corpus")).corpusMaxBytes(8192)
            .randomPerVersion(RANDOM).mutantsPerVersion(MUTANTS).build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return cases;
  }

  /** The exported suite, read back from its directory. */
  public static synchronized Suite suite() {
    if (suite == null) {
      try {
        Path dir = Files.createTempDirectory("gotrace-kit-suite-");
        SuiteExporter.export(cases(), dir);
        suite = Suite.load(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return suite;
  }
}
