package dev.gotrace.cli;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import org.junit.jupiter.api.Test;

class GotraceCommandTest {
  @Test
  void noArguments_summarisesTheBuiltInSample() {
    Cli.Result r = Cli.run();

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    // Today the table goes to System.out rather than the given writer (see the disabled test).
    String printed = r.out() + new String(r.stdoutBytes(), UTF_8);
    assertThat(printed).isEqualTo(Cli.run("stats").out());
  }

  @Test
  void noArguments_printsToTheGivenWriter() {
    Cli.Result r = Cli.run();

    assertThat(new String(r.stdoutBytes(), UTF_8)).isEmpty();
    assertThat(r.out()).isEqualTo(Cli.run("stats").out());
  }

  @Test
  void help_listsTheCommands() {
    Cli.Result r = Cli.run("help");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).contains("dump");
    assertThat(r.out()).contains("assemble");
    assertThat(r.out()).contains("recode");
    assertThat(r.out()).contains("stats");
  }

  @Test
  void version_printsTheVersion() {
    Cli.Result r = Cli.run("--version");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).startsWith("gotrace ");
  }

  @Test
  void unknownCommand_isAUsageError() {
    Cli.Result r = Cli.run("frobnicate");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("frobnicate");
  }

  @Test
  void unknownOption_isAUsageError() {
    Cli.Result r = Cli.run("stats", "--frobnicate");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
  }
}
