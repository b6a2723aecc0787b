package dev.gotrace.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How commands write files: in place of the target, as open(2) would, naming the user's path. */
class OutputFilesTest {
  @TempDir Path dir;

  @Test
  void recodeOntoItself_keepsTheFilesMode() throws IOException {
    for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw----r--"}) {
      Path f = sampleFile("self.trace");
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));

      Cli.Result r = Cli.run("recode", f.toString(), "-o", f.toString(), "--sizes=minimal");

      assertThat(r.exitCode()).isEqualTo(0);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo(mode);
      assertThat(Files.size(f)).isEqualTo(Cli.sample().length - 51L); // its padding (stats)
    }
  }

  @Test
  void symlinkTarget_isWrittenThrough_andTheLinkStays() throws IOException {
    Path real = Files.write(dir.resolve("real.trace"), new byte[] {1, 2, 3});
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
    Path link = Files.createSymbolicLink(dir.resolve("link.trace"), Path.of("real.trace"));
    Path linkToLink = Files.createSymbolicLink(dir.resolve("link2.trace"), link);

    Cli.Result r = Cli.run("recode", sampleFile("in.trace").toString(), "-o",
        linkToLink.toString());

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(Files.isSymbolicLink(linkToLink)).isTrue();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readAllBytes(real)).isEqualTo(Cli.sample());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
        .isEqualTo("rw-r-----");
    assertThat(names()).containsExactly("in.trace", "link.trace", "link2.trace", "real.trace");
  }

  @Test
  void danglingSymlink_createsItsTarget() throws IOException {
    Files.createDirectory(dir.resolve("sub"));
    Path link = Files.createSymbolicLink(dir.resolve("link.trace"), Path.of("sub/made.trace"));

    Cli.Result r = Cli.run("gen", "--seed", "1", "--events", "20", "-o", link.toString());

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.isRegularFile(dir.resolve("sub/made.trace"), LinkOption.NOFOLLOW_LINKS))
        .isTrue();
  }

  @Test
  void errors_nameThePathTheUserGave_neverTheTemporaryFile() throws IOException {
    Path in = sampleFile("in.trace");
    Path missingDir = dir.resolve("no/such/dir/out.trace");
    Path directory = Files.createDirectory(dir.resolve("adir"));

    Cli.Result noDir = Cli.run("recode", in.toString(), "-o", missingDir.toString());
    Cli.Result isDir = Cli.run("recode", in.toString(), "-o", directory.toString());

    assertThat(noDir.exitCode()).isEqualTo(2);
    assertThat(noDir.err()).isEqualTo("gotrace: " + missingDir + ": no such file or directory\n");
    assertThat(isDir.exitCode()).isEqualTo(2);
    assertThat(isDir.err()).isEqualTo("gotrace: " + directory + ": is a directory\n");
    assertThat(names()).containsExactly("adir", "in.trace");
  }

  @Test
  void dumpOutput_writesWhatStdoutGets() throws IOException {
    Path in = sampleFile("in.trace");
    Path out = dir.resolve("out.txt");

    Cli.Result toFile = Cli.run("dump", in.toString(), "-o", out.toString());
    Cli.Result toDash = Cli.run("dump", in.toString(), "-o", "-");
    Cli.Result parsed = Cli.run("dump", "--parsed", in.toString(), "--output", out.toString());

    assertThat(toFile.exitCode()).isEqualTo(0);
    assertThat(toFile.out()).isEmpty();
    assertThat(toDash.out()).isEqualTo(Cli.run("dump", in.toString()).out());
    assertThat(toDash.out()).startsWith("Trace Go1.26\n");
    assertThat(parsed.exitCode()).isEqualTo(0);
    assertThat(Files.readString(out)).isEqualTo(Cli.run("dump", "--parsed", in.toString()).out());
  }

  @Test
  void dumpOutput_ofAnInvalidTrace_leavesNoFile() throws IOException {
    Path cut = Files.write(dir.resolve("cut.trace"), Arrays.copyOf(Cli.sample(), 46));

    Cli.Result r = Cli.run("dump", cut.toString(), "-o", dir.resolve("out.txt").toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("offset 46 ");
    assertThat(names()).containsExactly("cut.trace");
  }

  @Test
  void dashIsStandardInputAndOutput_forEveryCommandThatTakesFiles() throws IOException {
    byte[] sample = Cli.sample();
    String text = Cli.run("dump", sampleFile("s.trace").toString()).out();

    assertThat(Cli.runWithStdin(sample, "dump", "-", "-o", "-").out()).isEqualTo(text);
    assertThat(Cli.runWithStdin(sample, "validate", "-").exitCode()).isEqualTo(0);
    assertThat(Cli.runWithStdin(sample, "stats", "-").exitCode()).isEqualTo(0);
    assertThat(Cli.runWithStdin(sample, "recode", "-", "-o", "-").stdoutBytes())
        .isEqualTo(sample);
    assertThat(new String(Cli.runWithStdin(sample, "to-java", "-", "-o", "-").stdoutBytes(),
        java.nio.charset.StandardCharsets.UTF_8)).contains("class RebuiltTrace");
    assertThat(Cli.run("gen", "--seed", "2", "--events", "20", "-o", "-").stdoutBytes().length)
        .isGreaterThan(16);
  }

  private Path sampleFile(String name) throws IOException {
    return Files.write(dir.resolve(name), Cli.sample());
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
