package dev.gotrace.conformance.dsl;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gotrace.fixtures.dsl.Goroutine;
import dev.gotrace.fixtures.dsl.OsThread;
import dev.gotrace.fixtures.dsl.Reasons;
import dev.gotrace.fixtures.dsl.Stack;
import dev.gotrace.fixtures.dsl.Task;
import dev.gotrace.fixtures.dsl.TraceDsl;
import dev.gotrace.spec.TraceVersion;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace made with the DSL opens in {@code go tool trace}: the server starts on a loopback port
 * it picks itself, serves its main page and the goroutine summary, and is then stopped. Every
 * wait is bounded.
 */
final class GoToolTraceServesDslTraceTest {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

  @TempDir Path dir;

  @Test
  void goToolTraceServesMainPageAndGoroutines() throws Exception {
    Path file = dir.resolve("web.trace");
    Files.write(file, webTrace());
    ProcessBuilder pb = new ProcessBuilder(GoTools.traceTool().toString(),
        "-http=127.0.0.1:0", file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("BROWSER", "true"); // never open a browser
    Process server = pb.start();
    try {
      CompletableFuture<String> address = CompletableFuture.supplyAsync(() -> {
        try (BufferedReader r = new BufferedReader(
            new InputStreamReader(server.getErrorStream(), UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
              return m.group(1);
            }
          }
          return null;
        } catch (java.io.IOException e) {
          return null;
        }
      });
      String base = address.get(60, TimeUnit.SECONDS);
      assertWithMessage("go tool trace printed its address").that(base).isNotNull();

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> main = get(http, base + "/");
      assertThat(main.statusCode()).isEqualTo(200);
      assertThat(main.body()).contains("goroutines");

      HttpResponse<String> goroutines = get(http, base + "/goroutines");
      assertThat(goroutines.statusCode()).isEqualTo(200);
      // The summary groups goroutines by start function: the DSL's GoCreate stack names it.
      assertThat(goroutines.body()).contains("main.worker");
    } finally {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .GET().build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  /** A small program's trace: a main goroutine, workers, a channel, a syscall, a GC, a task. */
  static byte[] webTrace() {
    TraceDsl t = TraceDsl.create(TraceVersion.GO_1_26);
    OsThread m0 = t.thread(1).holding(t.proc(0));
    OsThread m1 = t.thread(2).holding(t.proc(1));
    Goroutine main = m0.running(1).stack(Stack.of("main.main", "/app/main.go", 20));
    Task task = main.beginTask("handle request");
    Goroutine w1 = main.create(10, Stack.of("main.worker", "/app/main.go", 40));
    Goroutine w2 = main.create(11, Stack.of("main.worker", "/app/main.go", 40));
    main.block(Reasons.CHAN_RECEIVE);
    m0.run(w1).stack(Stack.of("main.worker", "/app/main.go", 44))
        .beginRegion(task, "work").syscall();
    m1.run(w2).gcBegin().markAssistBegin().markAssistEnd().unblock(main).block(Reasons.SELECT);
    t.newGeneration();
    w1.syscallEnd().endRegion().exit();
    m0.run(main).gcEnd();
    main.endTask(task);
    m1.unblock(w2).run(w2).exit();
    return t.bytes();
  }
}
