package dev.gotrace.cli;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gotrace.fixtures.mutate.Mutation;
import dev.gotrace.fixtures.mutate.TraceMutator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MutateCommandTest {
  private static final Pattern SPEC = Pattern.compile("\"spec\": \"([^\"]*)\"");

  @Test
  void writesMutantsWhoseSidecarsReapply(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("sample.trace");
    Files.write(in, Cli.sample());
    Path out = tmp.resolve("mutants");

    Cli.Result r = Cli.run("mutate", in.toString(), "--seed", "40", "--count", "12", "-o",
        out.toString());

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.errLines()).hasSize(1);
    for (int i = 0; i < 12; i++) {
      String name = String.format("%06d", i);
      byte[] mutant = Files.readAllBytes(out.resolve(name + ".trace"));
      String json = Files.readString(out.resolve(name + ".json"), UTF_8);
      assertThat(json).contains("\"source\": \"sample.trace\"");
      assertThat(json).contains("\"seed\": " + (40 + i));
      List<Mutation> ms = new ArrayList<>();
      Matcher m = SPEC.matcher(json);
      while (m.find()) {
        ms.add(Mutation.parse(m.group(1)));
      }
      assertThat(ms).isNotEmpty();
      assertThat(TraceMutator.apply(Cli.sample(), ms)).isEqualTo(mutant);
    }
    assertThat(Files.list(out).count()).isEqualTo(24);
  }

  @Test
  void sameSeedSameFiles(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("s.trace");
    Files.write(in, Cli.sample());
    Cli.run("mutate", in.toString(), "--seed", "7", "--count", "3", "-o", tmp.resolve("a").toString());
    Cli.run("mutate", in.toString(), "--seed", "7", "--count", "3", "-o", tmp.resolve("b").toString());
    for (String f : List.of("000000.trace", "000001.json", "000002.trace")) {
      assertThat(Files.readAllBytes(tmp.resolve("b").resolve(f)))
          .isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(f)));
    }
  }

  @Test
  void kindsRestrictTheMutations(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("s.trace");
    Files.write(in, Cli.sample());
    Cli.Result r = Cli.run("mutate", in.toString(), "--count", "10", "--kinds", "table,BIT_FLIP",
        "-o", tmp.resolve("m").toString());

    assertThat(r.exitCode()).isEqualTo(0);
    for (int i = 0; i < 10; i++) {
      String json = Files.readString(tmp.resolve("m").resolve(String.format("%06d.json", i)));
      assertThat(json).containsMatch("\"level\": \"(TABLE|BYTES)\"");
      assertThat(json).doesNotContainMatch("\"level\": \"(EVENT|RECORD|VARINT|GENERATION)\"");
    }
  }

  @Test
  void badKindOrMissingFileIsOneLine(@TempDir Path tmp) {
    Cli.Result bad = Cli.run("mutate", "x.trace", "--kinds", "NOPE", "-o", tmp.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.errLines()).hasSize(1);
    assertThat(bad.err()).contains("NOPE");

    Cli.Result missing = Cli.run("mutate", tmp.resolve("none.trace").toString(), "-o",
        tmp.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.errLines()).hasSize(1);
  }
}
