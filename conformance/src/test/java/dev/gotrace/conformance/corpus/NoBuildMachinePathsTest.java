package dev.gotrace.conformance.corpus;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.TextTraceReader;
import dev.gotrace.decoder.WireReader;
import dev.gotrace.spec.EventType;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.Record;
import dev.gotrace.wire.TraceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No committed trace names the machine that made it. Every trace in the repository (the corpus,
 * its stored dumps, fuzz seeds, semantic seeds, the CLI's sample, anything else whose bytes start
 * like a trace) is read with gotrace's own readers and each string of its string table is checked:
 * none may be an absolute path under this checkout, the user's home, GOROOT, GOMODCACHE or the
 * temporary directory, and none may be an absolute source file name of any machine. Programs that
 * make committed traces are built with {@code -trimpath}, which leaves module-relative and
 * standard-library names only ({@code gotrace.local/conformance/programs/basic/main.go}, {@code
 * runtime/trace.go}).
 */
class NoBuildMachinePathsTest {
  /** A source file name as a stack frame names it when the build did not trim paths. */
  private static final Pattern ABSOLUTE_SOURCE_FILE =
      Pattern.compile("^(/|[A-Za-z]:[\\\\/]).*\\.(go|s|c|h)$");

  private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", ".idea");

  private static Path root;
  private static List<String> forbiddenPrefixes;
  private static final List<String> problems = new ArrayList<>();
  private static final Set<String> binaryTraces = new TreeSet<>();
  private static final Set<String> textTraces = new TreeSet<>();
  private static final Set<String> dumps = new TreeSet<>();

  @BeforeAll
  static void scanTheRepository() throws Exception {
    root = RepoRoot.find();
    forbiddenPrefixes = buildEnvironmentPrefixes(root);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> !isSkipped(root.relativize(p))).filter(Files::isRegularFile)
          .sorted().collect(Collectors.toList());
    }
    for (Path f : files) {
      check(f);
    }
  }

  @Test
  void noTraceHoldsAPathOfTheBuildEnvironment() {
    Set<String> files = problems.stream().map(p -> p.substring(0, p.indexOf(": ")))
        .collect(Collectors.toCollection(TreeSet::new));
    assertWithMessage("%s strings in %s files name the build machine (forbidden prefixes: %s);"
        + " build the programs with -trimpath and regenerate (conformance/README.md). First"
        + " files: %s", problems.size(), files.size(), forbiddenPrefixes,
        files.stream().limit(10).collect(Collectors.toList()))
        .that(problems.subList(0, Math.min(problems.size(), 20))).isEmpty();
  }

  @Test
  void theScanReachesEveryKindOfCommittedTrace() throws IOException {
    CorpusManifest manifest = CorpusManifest.read(root.resolve("conformance/corpus"));
    Set<String> corpus = manifest.entries().stream()
        .map(e -> "conformance/corpus/" + e.path()).collect(Collectors.toSet());
    assertThat(binaryTraces).containsAtLeastElementsIn(corpus);
    assertThat(binaryTraces).contains("cli/src/main/resources/dev/gotrace/cli/sample-go1.26.trace");
    assertThat(binaryTraces.stream().filter(p -> p.contains("/semantic/seeds/")).count())
        .isGreaterThan(0L);
    assertThat(binaryTraces.stream().filter(p -> p.contains("DecoderFuzzTestInputs")).count())
        .isGreaterThan(0L);
    assertThat(textTraces).isNotEmpty();
    assertThat(dumps.size()).isAtLeast(corpus.size());
  }

  @Test
  void theEnvironmentPrefixesAreAbsoluteAndIncludeThisCheckout() {
    assertThat(forbiddenPrefixes).contains(root.toString());
    for (String p : forbiddenPrefixes) {
      assertWithMessage("prefix %s", p).that(Path.of(p).isAbsolute()).isTrue();
    }
  }

  /** This checkout, the home directory, GOROOT, GOMODCACHE and the temporary directories. */
  private static List<String> buildEnvironmentPrefixes(Path root) throws Exception {
    Set<String> out = new LinkedHashSet<>();
    out.add(root.toString());
    out.add(root.toRealPath().toString());
    out.add(System.getProperty("user.home"));
    out.addAll(goEnv("GOROOT", "GOMODCACHE"));
    out.add(System.getProperty("java.io.tmpdir"));
    String tmpdir = System.getenv("TMPDIR");
    if (tmpdir != null && !tmpdir.isBlank()) {
      out.add(tmpdir);
    }
    List<String> cleaned = new ArrayList<>();
    for (String p : out) {
      String s = p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
      if (s.length() > 1 && !cleaned.contains(s)) {
        cleaned.add(s);
      }
    }
    return cleaned;
  }

  /** {@code go env NAMES...}: Go is required by this module's tests, so its absence fails. */
  private static List<String> goEnv(String... names) throws Exception {
    List<String> command = new ArrayList<>(List.of("go", "env"));
    command.addAll(Arrays.asList(names));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("`go env " + String.join(" ", names) + "` failed (Go is needed"
          + " to know its GOROOT and GOMODCACHE): " + out);
    }
    List<String> values = out.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
    assertWithMessage("go env output").that(values).hasSize(names.length);
    return values;
  }

  private static boolean isSkipped(Path relative) {
    for (Path part : relative) {
      if (SKIPPED_DIRECTORIES.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private static void check(Path file) throws IOException {
    byte[] head = new byte[16];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    String start = new String(head, 0, n, ISO_8859_1);
    String name = root.relativize(file).toString();
    if (start.startsWith("go 1.")) {
      binaryTraces.add(name);
      checkBinary(name, Files.readAllBytes(file));
    } else if (start.startsWith("Trace Go1.")) {
      textTraces.add(name);
      checkText(name, Files.readAllBytes(file));
    } else if (name.endsWith(".txt.gz")) {
      dumps.add(name);
      byte[] text;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        text = in.readAllBytes();
      }
      // Go's dumps of a trace print its strings quoted: look for the prefixes in the text.
      checkRaw(name, text);
    }
  }

  /** The String records of a binary trace, read with gotrace's streaming reader. */
  private static void checkBinary(String name, byte[] bytes) throws IOException {
    try {
      WireReader r = WireReader.open(bytes, EventTable.FULL);
      while (r.nextRecord()) {
        while (r.nextEvent()) {
          if (r.eventType() == EventType.STRING) {
            byte[] data = new byte[r.dataLength()];
            r.copyData(data, 0);
            checkString(name, data);
          }
        }
      }
    } catch (TraceException e) {
      // A malformed seed (on purpose): its strings up to the error were checked; the bytes
      // after it are searched as they are.
      checkRaw(name, bytes);
    }
  }

  /** The String events of a trace in gotrace's text format. */
  private static void checkText(String name, byte[] bytes) throws IOException {
    try (Reader in = new InputStreamReader(new ByteArrayInputStream(bytes), UTF_8)) {
      TextTraceReader r = TextTraceReader.open(in, EventTable.FULL);
      for (Record rec = r.next(); rec != null; rec = r.next()) {
        if (rec instanceof Batch) {
          for (Event e : ((Batch) rec).events()) {
            if (e.type() == EventType.STRING) {
              checkString(name, e.data());
            }
          }
        }
      }
    } catch (TraceException e) {
      checkRaw(name, bytes);
    }
  }

  private static void checkString(String file, byte[] data) {
    String s = new String(data, UTF_8);
    for (String prefix : forbiddenPrefixes) {
      if (s.equals(prefix) || s.startsWith(prefix + "/")) {
        problems.add(file + ": string \"" + s + "\" starts with " + prefix);
        return;
      }
    }
    if (ABSOLUTE_SOURCE_FILE.matcher(s).matches()) {
      problems.add(file + ": string \"" + s + "\" is an absolute source file name");
    }
  }

  private static void checkRaw(String file, byte[] bytes) {
    String text = new String(bytes, ISO_8859_1);
    for (String prefix : forbiddenPrefixes) {
      String p = new String((prefix + "/").getBytes(UTF_8), ISO_8859_1);
      int at = text.indexOf(p);
      if (at >= 0) {
        int end = at;
        while (end < text.length() && text.charAt(end) > ' ' && text.charAt(end) != '"') {
          end++;
        }
        problems.add(file + ": bytes at " + at + " \"" + text.substring(at, end)
            + "\" start with " + prefix);
      }
    }
  }
}
