package dev.gotrace.cli;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class GotraceCommandTest {
  @TempDir Path dir;

  /** Every subcommand, as the command line knows them (new ones are tested without a change). */
  static List<String> subcommands() {
    List<String> names = List.copyOf(new CommandLine(new GotraceCommand()).getSubcommands()
        .keySet());
    assertWithMessage("subcommands").that(names).containsAtLeast("dump", "validate", "stats",
        "recode", "assemble", "gen", "minimize", "to-java", "help");
    return names;
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void everySubcommand_takesHelp_longAndShort(String name) {
    for (String option : new String[] {"--help", "-h"}) {
      Cli.Result r = Cli.run(name, option);

      assertWithMessage("%s %s: %s", name, option, r.err()).that(r.exitCode()).isEqualTo(0);
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).contains("Usage: gotrace " + name + " [");
    }
  }

  @Test
  void usageError_hintsAtTheHelpOfTheCommandThatFailed_andThatHintWorks() {
    Cli.Result r = Cli.run("dump");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).endsWith(" (see 'gotrace dump --help')\n");
    assertThat(Cli.run("dump", "--help").exitCode()).isEqualTo(0);

    Cli.Result top = Cli.run("--frobnicate");
    assertThat(top.err()).endsWith(" (see 'gotrace --help')\n");
    assertThat(Cli.run("--help").out()).startsWith("Usage: gotrace ");
  }

  @Test
  void version_isTheArtifactVersionOfThisBuild_onEveryCommand() {
    String expected = System.getProperty("gotrace.expectedVersion");
    assertWithMessage("Surefire passes the project version as gotrace.expectedVersion")
        .that(expected).isNotNull();
    assertThat(expected).isNotEmpty();

    for (String[] args : new String[][] {{"--version"}, {"-V"}, {"dump", "--version"},
        {"validate", "-V"}}) {
      Cli.Result r = Cli.run(args);

      assertThat(r.exitCode()).isEqualTo(0);
      assertThat(r.out()).isEqualTo("gotrace " + expected + "\n");
    }
  }

  @Test
  void gen_keepsItsVersionOptionForTheTraceVersion() {
    Cli.Result r = Cli.run("gen", "--seed", "1", "--version", "1.22", "--events", "10", "-o", "-");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(new String(r.stdoutBytes(), 0, 16, UTF_8)).isEqualTo("go 1.22 trace\0\0\0");
  }

  @Test
  void failure_isOneLine_withoutAStackTrace() throws IOException {
    Cli.Result r = Cli.run("dump", dir.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).doesNotContain("\tat ");
  }

  @Test
  void stacktraceOption_addsTheStackTraceAfterTheLine() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.trace"));

    for (String[] args : new String[][] {{"--stacktrace", "dump", empty.toString()},
        {"dump", "--stacktrace", empty.toString()}}) {
      Cli.Result r = Cli.run(args);

      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.errLines().get(0)).startsWith("gotrace: offset 0: not a Go execution trace");
      assertThat(r.errLines().get(1)).startsWith("dev.gotrace.");
      assertThat(r.err()).contains("\tat dev.gotrace.decoder.WireReader");
    }
  }

  @Test
  void stacktraceEnvironmentVariable_addsTheStackTrace() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.trace"));

    Cli.Result quiet = Cli.runWithEnv(Map.of("GOTRACE_STACKTRACE", "0"), "dump", empty.toString());
    Cli.Result loud = Cli.runWithEnv(Map.of("GOTRACE_STACKTRACE", "1"), "dump", empty.toString());

    assertThat(quiet.errLines()).hasSize(1);
    assertThat(loud.errLines().size()).isGreaterThan(2);
    assertThat(loud.errLines().get(0)).isEqualTo(quiet.errLines().get(0));
    assertThat(loud.err()).contains("\tat dev.gotrace.");
  }
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
