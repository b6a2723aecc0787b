package dev.gotrace.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.gotrace.spec.EventType;
import dev.gotrace.spec.FormatLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher script in a child process: heap options, running out of memory, the umask. */
class LauncherTest {
  private static final Pattern HEAP = Pattern.compile("the Java heap \\(at most (\\d+) MiB\\)");

  @TempDir static Path dir;
  static Launcher gotrace;
  static Path manyEvents;

  @BeforeAll
  static void install() throws IOException {
    gotrace = Launcher.installIn(Files.createDirectory(dir.resolve("repo")));
    manyEvents = Files.write(dir.resolve("many.trace"), manyEvents(32));
  }

  @Test
  void javaOpts_reachTheJvm_andOutOfMemoryIsOneLineWithTheCure() throws Exception {
    Launcher.Result r = gotrace.run("022", Map.of("JAVA_OPTS", "-Xmx24m -Dgotrace.unused=1"),
        dir, "to-java", manyEvents.toString(), "-o", dir.resolve("Many.java").toString());

    assertOutOfMemoryLine(r, 24);
    assertThat(Files.exists(dir.resolve("Many.java"))).isFalse();
  }

  @Test
  void gotraceOpts_reachTheJvm_afterJavaOpts() throws Exception {
    Launcher.Result r = gotrace.run("022", Map.of("JAVA_OPTS", "-Xmx512m",
        "GOTRACE_OPTS", "-Xmx20m"), dir, "to-java", manyEvents.toString(), "-o", "-");

    assertOutOfMemoryLine(r, 20);
  }

  @Test
  void newFiles_getMode0666LessTheUmask_asOpenCreatGives() throws Exception {
    for (String[] umaskAndMode : new String[][] {{"022", "rw-r--r--"}, {"027", "rw-r-----"}}) {
      Path out = dir.resolve("gen-" + umaskAndMode[0] + ".trace");

      Launcher.Result r = gotrace.run(umaskAndMode[0], Map.of(), dir, "gen", "--seed", "1",
          "--events", "20", "-o", out.toString());

      assertWithMessage(r.err()).that(r.exitCode()).isEqualTo(0);
      assertWithMessage("umask %s", umaskAndMode[0])
          .that(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
          .isEqualTo(umaskAndMode[1]);
    }
  }

  @Test
  void devStdout_isWrittenThrough_neverReplaced() throws Exception {
    // Before, the temporary file was renamed onto /dev/stdout (as root: the machine's).
    Path devStdout = Path.of("/dev/stdout");
    assertThat(Files.isSymbolicLink(devStdout)).isTrue();

    Launcher.Result r = gotrace.run("022", Map.of(), dir, "gen", "--seed", "1", "--events", "20",
        "-o", "/dev/stdout");

    assertWithMessage(r.err()).that(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).startsWith("go 1.26 trace\0\0\0");
    assertThat(Files.isSymbolicLink(devStdout)).isTrue();
  }

  @Test
  void textOutput_isUtf8_whateverTheLocale() throws Exception {
    // Go's tools write UTF-8 bytes; under LANG=C the JVM's platform charset would print '?'.
    String text = "h\u00e9llo \u4e16\u754c";
    Path trace = Files.write(dir.resolve("utf8.trace"), TextTraces.bytes("Trace Go1.26\n"
        + "EventBatch gen=1 m=18446744073709551615 time=100\n"
        + "Strings\n"
        + "String id=1\n"
        + "\tdata=\"" + text + "\"\n"));

    Launcher.Result r = gotrace.run("022", Map.of("LANG", "C", "LC_ALL", "C"), dir,
        "dump", "--wire", trace.toString());

    assertWithMessage(r.err()).that(r.exitCode()).isEqualTo(0);
    // The launcher's output is read byte for byte (ISO-8859-1): compare with the UTF-8 bytes.
    String utf8 = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    assertThat(r.out()).contains("data=\"" + utf8 + "\"");
  }

  private static void assertOutOfMemoryLine(Launcher.Result r, int heapMib) {
    assertWithMessage(r.err()).that(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("gotrace: out of memory: the Java heap (at most ");
    assertThat(r.err()).endsWith("; give Java more heap, e.g. JAVA_OPTS=-Xmx2g ./gotrace ...\n");
    Matcher m = HEAP.matcher(r.err());
    assertThat(m.find()).isTrue();
    // The JVM reports the heap less one survivor space: within a few MiB of -Xmx.
    assertThat(Integer.parseInt(m.group(1))).isAtLeast(heapMib - 4);
    assertThat(Integer.parseInt(m.group(1))).isAtMost(heapMib);
  }

  /**
   * A go 1.26 trace of {@code batches} full batches of ProcStop events (two bytes each): a few
   * MiB of file, tens of MiB as values, which is more than a 24 MiB heap holds.
   */
  private static byte[] manyEvents(int batches) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("go 1.26 trace\0\0\0".getBytes(StandardCharsets.US_ASCII));
    int size = FormatLimits.MAX_BATCH_PAYLOAD;
    for (int b = 0; b < batches; b++) {
      // EventBatch gen=1 m=b+1 time=b+1 size=65536 (three varint bytes: 80 80 04)
      out.write(EventType.EVENT_BATCH.wire());
      out.write(1);
      out.write(b + 1);
      out.write(b + 1);
      out.writeBytes(new byte[] {(byte) 0x80, (byte) 0x80, 0x04});
      for (int i = 0; i < size / 2; i++) {
        out.write(EventType.PROC_STOP.wire());
        out.write(1);
      }
    }
    return out.toByteArray();
  }
}
