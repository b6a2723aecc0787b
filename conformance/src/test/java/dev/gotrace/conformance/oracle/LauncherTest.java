package dev.gotrace.conformance.oracle;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's first command works: after the build, {@code ./gotrace} with no arguments, run from
 * the repository root as a user would, summarises the built-in sample trace. It runs here, in the
 * conformance module, because the reactor has packaged {@code cli/target/gotrace.jar} by now.
 */
class LauncherTest {
  @Test
  void launcherWithoutArguments_printsTheSampleStatsTable() {
    Path root = RepoRoot.get();
    assertWithMessage("%s is built by the cli module's package phase (mvn verify or install)",
        root.resolve("cli/target/gotrace.jar"))
        .that(Files.isRegularFile(root.resolve("cli/target/gotrace.jar"))).isTrue();

    ProcessResult r =
        Processes.run(List.of("./gotrace"), root, Map.of(), null, Duration.ofMinutes(1));

    assertWithMessage(r.describe()).that(r.exitCode()).isEqualTo(0);
    assertThat(r.stderrText()).isEmpty();
    String[] lines = r.stdoutText().split("\n");
    assertThat(lines[0]).matches("Event\\s+Bytes\\s+%\\s+Count\\s+%");
    assertThat(lines[1]).matches("-\\s+-\\s+-\\s+-\\s+-");
    assertThat(r.stdoutText()).containsMatch("(?m)^EventBatch\\s+\\d+\\s+\\d+\\.\\d\\d%\\s+\\d+");
    assertThat(r.stdoutText()).containsMatch("(?m)^go 1\\.26 trace: \\d+ bytes, ");
  }
}
