package dev.gotrace.conformance.corpus;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gotrace.cli.GotraceCommand;
import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed corpus of real traces (made by {@code conformance/regenerate.sh} with real Go
 * toolchains) against gotrace: every trace decodes, re-encodes byte for byte, and dumps exactly
 * what the toolchain that made it printed with {@code go tool trace -d=wire}; the manifest and the
 * generated coverage files are current; every event type each version can emit is covered.
 */
class CorpusTest {
  private static Path conformanceDir;
  private static CorpusManifest manifest;

  @BeforeAll
  static void load() throws IOException {
    conformanceDir = RepoRoot.find().resolve("conformance");
    manifest = CorpusManifest.read(conformanceDir.resolve("corpus"));
    assertWithMessage("the corpus manifest lists no traces").that(manifest.entries()).isNotEmpty();
  }

  @Test
  void manifestMatchesTheFiles() throws Exception {
    Set<String> listed = new TreeSet<>();
    for (CorpusEntry e : manifest.entries()) {
      Path p = manifest.pathOf(e);
      assertWithMessage("%s is listed but missing", e.path()).that(Files.exists(p)).isTrue();
      byte[] bytes = Files.readAllBytes(p);
      assertWithMessage("%s size", e.path()).that((long) bytes.length).isEqualTo(e.size());
      assertWithMessage("%s sha256", e.path()).that(sha256(bytes)).isEqualTo(e.sha256());
      listed.add(e.path());
    }
    try (Stream<Path> files = Files.walk(manifest.corpusDir())) {
      Set<String> onDisk = files.filter(f -> f.toString().endsWith(".trace"))
          .map(f -> manifest.corpusDir().relativize(f).toString()).collect(Collectors.toCollection(TreeSet::new));
      assertWithMessage("traces on disk but not in the manifest").that(onDisk).isEqualTo(listed);
    }
  }

  @Test
  void everyTraceDecodesAndReencodesByteForByte() throws Exception {
    for (CorpusEntry e : manifest.entries()) {
      byte[] bytes = Files.readAllBytes(manifest.pathOf(e));
      Trace t = TraceDecoder.decode(bytes);
      assertWithMessage("%s re-encoded", e.path()).that(TraceWriter.encode(t)).isEqualTo(bytes);
      assertThat(t.version().number()).isEqualTo(e.headerVersion());
    }
  }

  @Test
  void dumpEqualsTheWireOutputOfTheToolchainThatMadeTheTrace() throws Exception {
    int compared = 0;
    List<String> failures = new ArrayList<>();
    for (CorpusEntry e : manifest.entries()) {
      Path trace = manifest.pathOf(e);
      if (!e.field("wire_verdict").equals("ok")) {
        // Go's raw reader refuses AllocFree events before go 1.26; so must ours in that mode.
        assertWithMessage("%s: Go's -d=wire failed with %s", e.path(), e.field("wire_verdict"))
            .that(e.field("wire_verdict")).contains("invalid event type");
        TraceFormatException x = assertThrows(TraceFormatException.class,
            () -> TraceDecoder.decode(Files.readAllBytes(trace), EventTable.VERSION_PREFIX));
        assertThat(x.problem()).contains("not in the go 1." + e.headerVersion() + " table");
        continue;
      }
      String ours = dumpWire(trace);
      String digest = sha256(ours.getBytes(StandardCharsets.UTF_8));
      if (!digest.equals(e.field("wire_sha256"))) {
        String go = storedWire(trace);
        if (go == null || !ours.equals(KnownToolDifferences.normalize(e.goMinor(), go))) {
          failures.add(e.path() + ": " + firstDifference(ours, go));
        }
      }
      compared++;
    }
    assertWithMessage("dump --wire differs from go tool trace -d=wire").that(failures).isEmpty();
    assertThat(compared).isGreaterThan(0);
  }

  @Test
  void generatedFilesAreCurrent() throws Exception {
    CoverageReport report = CoverageReport.of(conformanceDir);
    String events = Files.readString(conformanceDir.resolve("corpus").resolve(CoverageReport.EVENTS_FILE));
    assertWithMessage("corpus/EVENTS.tsv is stale: run conformance/regenerate.sh (or"
        + " CoverageReport)").that(events).isEqualTo(report.eventsTsv());
    String readme = Files.readString(conformanceDir.resolve("README.md"));
    assertWithMessage("the coverage table in conformance/README.md is stale: run"
        + " conformance/regenerate.sh (or CoverageReport)").that(readme)
        .isEqualTo(report.updateReadme(readme));
  }

  @Test
  void everyEventTypeEachVersionCanEmitIsCovered() throws Exception {
    CoverageReport report = CoverageReport.of(conformanceDir);
    assertWithMessage("event types with no trace and no reason in conformance/"
        + CoverageReport.EXCEPTIONS_FILE).that(report.uncovered()).isEmpty();
    assertThat(report.minors()).containsAtLeast(22, 23, 24, 25, 26, 27);
    // Go 1.27 writes the go 1.26 format with the same table.
    assertThat(report.headerOf(27)).isEqualTo(TraceVersion.GO_1_26);
    assertThat(report.headerOf(24)).isEqualTo(TraceVersion.GO_1_23);
  }

  private static String dumpWire(Path trace) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GotraceCommand.run(new String[] {"dump", "--wire", trace.toString()},
        new PrintWriter(out), new PrintWriter(err));
    assertWithMessage("gotrace dump %s: %s", trace, err).that(code).isEqualTo(0);
    return out.toString();
  }

  private static String storedWire(Path trace) throws IOException {
    String name = trace.getFileName().toString().replaceFirst("\\.trace$", ".wire.txt.gz");
    Path gz = trace.resolveSibling(name);
    if (!Files.exists(gz)) {
      return null;
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toString(StandardCharsets.UTF_8);
    }
  }

  private static String firstDifference(String ours, String go) {
    if (go == null) {
      return "digest differs (no stored copy to compare)";
    }
    String[] a = ours.split("\n", -1);
    String[] b = go.split("\n", -1);
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (!a[i].equals(b[i])) {
        return "line " + (i + 1) + ": ours <" + a[i] + "> go <" + b[i] + ">";
      }
    }
    return "line counts differ: ours " + a.length + ", go " + b.length;
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
