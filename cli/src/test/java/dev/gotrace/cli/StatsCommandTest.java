package dev.gotrace.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {
  @TempDir Path dir;

  @Test
  void stats_sample_printsTheFootprintTableAndASummary() throws IOException {
    Cli.Result r = Cli.run("stats", sampleFile().toString());

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).matches("Event\\s+Bytes\\s+%\\s+Count\\s+%");
    assertThat(lines[1]).matches("-\\s+-\\s+-\\s+-\\s+-");
    assertThat(r.out()).contains("\ngo 1.26 trace: 2891 bytes, 7 records (6 batches, 1 generation"
        + " ends), 177 events, 51 bytes of varint padding\n");
  }

  @Test
  void stats_rows_areSortedByBytes_andCountEveryRecordAndEvent() throws IOException {
    String out = Cli.run("stats", sampleFile().toString()).out();
    List<Long> bytes = new ArrayList<>();
    long count = 0;
    for (String line : out.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 5 && f[2].endsWith("%") && !f[1].equals("-") && !f[0].equals("Event")) {
        bytes.add(Long.parseLong(f[1]));
        count += Long.parseLong(f[3]);
      }
    }
    assertThat(bytes).isInOrder(Comparator.reverseOrder());
    assertThat(count).isEqualTo(7 + 177);
  }

  @Test
  void stats_withoutFile_readsTheBuiltInSample() throws IOException {
    Cli.Result withFile = Cli.run("stats", sampleFile().toString());
    Cli.Result builtIn = Cli.run("stats");

    assertThat(builtIn.exitCode()).isEqualTo(0);
    assertThat(builtIn.out()).isEqualTo(withFile.out());
  }

  @Test
  void stats_dashReadsStandardInput() throws IOException {
    Cli.Result r = Cli.runWithStdin(Cli.sample(), "stats", "-");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).isEqualTo(Cli.run("stats", sampleFile().toString()).out());
  }

  @Test
  void stats_invalidInput_isInvalidInput_oneLineWithTheOffset() throws IOException {
    Path cut = Files.write(dir.resolve("cut.trace"), Arrays.copyOf(Cli.sample(), 46));

    Cli.Result r = Cli.run("stats", cut.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("gotrace: offset 46 ");
  }

  @Test
  void stats_missingFile_isAnIoError() {
    Cli.Result r = Cli.run("stats", dir.resolve("missing.trace").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("missing.trace");
  }

  private Path sampleFile() throws IOException {
    return Files.write(dir.resolve("sample.trace"), Cli.sample());
  }
}
