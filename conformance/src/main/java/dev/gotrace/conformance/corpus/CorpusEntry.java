package dev.gotrace.conformance.corpus;

import java.util.Map;

/**
 * One trace of the conformance corpus as its manifest line describes it: where it is, which
 * toolchain made it and how, its size and digest, and the verdicts of the Go tools that made it.
 *
 * @param path the trace's path relative to the corpus directory
 * @param fields every manifest column by name, for the verdicts and digests
 */
public record CorpusEntry(String path, Map<String, String> fields) {
  /** The toolchain that wrote the trace, e.g. {@code go1.24.13}. */
  public String goVersion() {
    return field("go_version");
  }

  /** The toolchain's minor version, e.g. 24 for {@code go1.24.13}. */
  public int goMinor() {
    String v = goVersion();
    int dot = v.indexOf('.');
    int end = v.indexOf('.', dot + 1);
    return Integer.parseInt(v.substring(dot + 1, end < 0 ? v.length() : end));
  }

  /** The header's minor version (Go 1.24 writes 23). */
  public int headerVersion() {
    return Integer.parseInt(field("header_version"));
  }

  public long size() {
    return Long.parseLong(field("size"));
  }

  public String sha256() {
    return field("sha256");
  }

  /** A manifest column by name; fails clearly if the manifest lacks it. */
  public String field(String name) {
    String v = fields.get(name);
    if (v == null) {
      throw new IllegalStateException("manifest has no column " + name + " for " + path);
    }
    return v;
  }
}
