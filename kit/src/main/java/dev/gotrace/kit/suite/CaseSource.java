package dev.gotrace.kit.suite;

/** Where a suite case comes from. */
public enum CaseSource {
  /** A real trace written by a Go toolchain ({@code conformance/corpus}). */
  CORPUS("corpus"),
  /** A scenario of the catalog (Go's generator tests restated, and failure scenarios). */
  SCENARIO("scenario"),
  /** A random valid trace of the semantic DSL. */
  RANDOM("random"),
  /** A structure-aware mutant of a random valid trace, minimised. */
  MUTANT("mutant");

  private final String jsonName;

  CaseSource(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in case ids and the manifest. */
  public String jsonName() {
    return jsonName;
  }

  public static CaseSource ofJsonName(String name) {
    for (CaseSource s : values()) {
      if (s.jsonName.equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown case source: " + name);
  }
}
