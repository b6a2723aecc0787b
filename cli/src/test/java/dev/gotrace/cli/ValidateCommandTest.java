package dev.gotrace.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidateCommandTest {
  @TempDir Path dir;

  @Test
  void validate_threeProblems_stopsAtTheFirst_asGoDoes() throws IOException {
    Cli.Result r = Cli.run("validate", threeProblems().toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(problemLines(r)).hasSize(1);
    assertThat(r.err()).contains("  go: expected a goroutine but didn't have one\n");
  }

  @ParameterizedTest(name = "--max-problems={0} prints {1} problems")
  @CsvSource({"0, 3", "1, 1", "2, 2", "3, 3", "100, 3"})
  void validateAll_maxProblems_printsAtMostThatMany_andNeverValid(int max, int printed)
      throws IOException {
    Cli.Result r = Cli.run("validate", "--all", "--max-problems=" + max,
        threeProblems().toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).doesNotContain("valid");
    List<String> problems = problemLines(r);
    assertThat(problems).hasSize(printed);
    assertThat(problems.get(0)).contains("offset 56 ");
    if (printed < 3) {
      assertThat(r.err()).contains("(stopped after the first " + max + " problem");
    }
  }

  @Test
  void validateAll_withoutMaxProblems_printsEveryProblem() throws IOException {
    Cli.Result r = Cli.run("validate", "--all", threeProblems().toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(problemLines(r)).hasSize(3);
    assertThat(r.err()).doesNotContain("stopped");
  }

  @Test
  void validate_negativeMaxProblems_isAUsageError() throws IOException {
    Cli.Result r = Cli.run("validate", "--all", "--max-problems=-1", threeProblems().toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("--max-problems must be 0 (no limit) or more, got -1");
  }

  @Test
  void validate_validTrace_fromStandardInput() {
    Cli.Result r = Cli.runWithStdin(Cli.sample(), "validate", "--all", "--max-problems=1", "-");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("valid: go 1.26 trace, ");
  }

  private static List<String> problemLines(Cli.Result r) {
    return r.errLines().stream().filter(l -> l.startsWith("invalid: "))
        .collect(Collectors.toList());
  }

  private Path threeProblems() throws IOException {
    return Files.write(dir.resolve("three.trace"), TextTraces.bytes(TextTraces.THREE_PROBLEMS));
  }
}
