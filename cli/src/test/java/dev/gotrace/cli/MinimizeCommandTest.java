package dev.gotrace.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.fixtures.FailureSignature;
import dev.gotrace.fixtures.ValidatorCheck;
import dev.gotrace.fixtures.dsl.scenarios.ScenarioCatalog;
import dev.gotrace.semantic.ValidationMode;
import dev.gotrace.wire.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinimizeCommandTest {
  @TempDir Path dir;

  private Path scenario(String name) throws IOException {
    return Files.write(dir.resolve(name + ".trace"), ScenarioCatalog.named(name).bytes());
  }

  private static FailureSignature failureOf(Path file) throws IOException {
    Trace t = TraceDecoder.decode(Files.readAllBytes(file));
    return ValidatorCheck.of(ValidationMode.STRICT).failure(t);
  }

  @Test
  void minimize_byDefault_keepsTheFailure_inProcess() throws IOException {
    Path in = scenario("start-running-goroutine");
    Path out = dir.resolve("small.trace");

    Cli.Result r = Cli.run("minimize", in.toString(), "-o", out.toString());

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).contains("checks in process");
    FailureSignature before = failureOf(in);
    FailureSignature after = failureOf(out);
    assertThat(after).isNotNull();
    assertThat(after.toString()).isEqualTo(before.toString());
    assertThat(after.toString())
        .isEqualTo("validator ORDERING at GoStart: broken trace: failed to advance: frontier:");
    assertThat(Files.size(out)).isLessThan(Files.size(in));
    assertThat(r.err()).doesNotContain("the kept failure");
  }

  @Test
  void minimize_anyFailure_mayEndWithAnotherFailure_andSaysSo() throws IOException {
    Path in = scenario("start-running-goroutine");
    Path out = dir.resolve("small.trace");

    Cli.Result r = Cli.run("minimize", in.toString(), "-o", out.toString(), "--any-failure");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(failureOf(out)).isNotNull();
    assertThat(failureOf(out).sameFailure(failureOf(in))).isFalse();
    assertThat(r.err()).contains("the kept failure:");
  }

  @Test
  void minimize_checkNamingGotraceValidate_runsInProcess() throws IOException {
    Path in = scenario("syscall-begin-wrong-p-seq");
    Path out = dir.resolve("small.trace");

    Cli.Result r = Cli.run("minimize", in.toString(), "-o", out.toString(), "--check",
        "gotrace validate --parser-only {}");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).contains("checks in process");
    assertThat(failureOf(out).toString()).isEqualTo(failureOf(in).toString());
  }

  @Test
  void minimize_externalCheck_keepsItsExitStatusAndFirstLine() throws IOException {
    // A check whose failure depends on the candidate's size: "big N" above 60 bytes, exit 3;
    // "small N" otherwise, exit 4. Only the first is the original failure.
    Path in = scenario("start-running-goroutine");
    Path out = dir.resolve("small.trace");
    Path script = Files.writeString(dir.resolve("check.sh"),
        "n=$(wc -c < \"$1\"); if [ $n -gt 60 ]; then echo \"big $n\" >&2; exit 3; fi;"
            + " echo \"small $n\" >&2; exit 4\n");
    Cli.Result ok = Cli.run("minimize", in.toString(), "-o", out.toString(), "--check",
        "sh " + script + " {}");

    assertThat(ok.exitCode()).isEqualTo(0);
    assertThat(ok.err()).contains("checks of sh");
    assertThat(ok.err()).contains("the original failure: exit 3: big #");
    long size = Files.size(out);
    assertThat(size).isGreaterThan(60L);
    assertThat(size).isLessThan(Files.size(in));
  }

  @Test
  void minimize_aTraceTheCheckAccepts_isAUsageError() throws IOException {
    Path in = Files.write(dir.resolve("valid.trace"), Cli.sample());

    Cli.Result r = Cli.run("minimize", in.toString(), "-o", dir.resolve("o").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("does not fail");
  }

  @Test
  void minimize_anyFailureWithMatch_isAUsageError() throws IOException {
    Cli.Result r = Cli.run("minimize", scenario("start-running-goroutine").toString(), "-o",
        dir.resolve("o").toString(), "--any-failure", "--match", "x");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
  }
}
