package dev.gotrace.kit.suite;

import dev.gotrace.kit.events.GoVerdict;
import dev.gotrace.spec.TraceVersion;
import java.util.Objects;

/**
 * One case of the suite as built: a trace, where it comes from, and Go's verdict on it (from the
 * semantic reader, which reproduces Go's parser). Its id says where it is filed: {@code
 * valid|invalid/go1.NN/TOPIC/SOURCE-NAME}.
 */
public final class SuiteCase {
  private final String id;
  private final CaseSource source;
  private final String provenance;
  private final byte[] bytes;
  private final GoVerdict verdict;
  private final String topic;

  private SuiteCase(String id, CaseSource source, String provenance, byte[] bytes,
      GoVerdict verdict, String topic) {
    this.id = id;
    this.source = source;
    this.provenance = provenance;
    this.bytes = bytes;
    this.verdict = verdict;
    this.topic = topic;
  }

  /**
   * A case named {@code name} (made safe for file names) with Go's verdict on {@code bytes}. A
   * trace whose header Go cannot read is filed under the version {@code fallback}.
   */
  public static SuiteCase of(CaseSource source, String name, String provenance, byte[] bytes,
      TraceVersion fallback) {
    GoVerdict v = GoVerdict.of(bytes);
    String topic = Topics.of(source, v);
    TraceVersion version = v.version() != null ? v.version() : fallback;
    String id = (v.accepted() ? "valid" : "invalid") + "/go1." + version.number() + "/" + topic
        + "/" + source.jsonName() + "-" + safe(name);
    return new SuiteCase(id, source, Objects.requireNonNull(provenance), bytes.clone(), v, topic);
  }

  /** The same case under another id (to keep ids unique). */
  SuiteCase withId(String newId) {
    return new SuiteCase(newId, source, provenance, bytes, verdict, topic);
  }

  static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]+", "-");
  }

  public String id() {
    return id;
  }

  public CaseSource source() {
    return source;
  }

  public String provenance() {
    return provenance;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public GoVerdict verdict() {
    return verdict;
  }

  public String topic() {
    return topic;
  }

  public boolean valid() {
    return verdict.accepted();
  }

  /** The Go version the case is filed under ("1.26"). */
  public String goVersion() {
    return id.split("/")[1].substring(2);
  }

  @Override
  public String toString() {
    return id;
  }
}
