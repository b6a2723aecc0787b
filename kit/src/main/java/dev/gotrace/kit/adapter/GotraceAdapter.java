package dev.gotrace.kit.adapter;

import dev.gotrace.kit.events.GoVerdict;
import dev.gotrace.kit.runner.InProcessRunner;
import dev.gotrace.kit.runner.Outcome;
import dev.gotrace.kit.runner.Response;
import dev.gotrace.kit.runner.StreamResult;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * gotrace's own decoder (the semantic reader) as a decoder under test: in-process, and as a
 * stream-protocol server ({@code gotrace conform serve}); the exec-protocol adapter is {@code
 * gotrace dump --json}. It must score 100%: it is what the expectations were made with, so a
 * failure here is a bug in the harness, the comparison or the export.
 */
public final class GotraceAdapter {
  /** Inputs larger than this are refused by the stream server (a framing error, not a trace). */
  static final int MAX_INPUT = 1 << 30;

  private GotraceAdapter() {}

  /** gotrace's decoder inside this JVM. */
  public static InProcessRunner inProcess() {
    return new InProcessRunner("gotrace semantic reader", GotraceAdapter::decode);
  }

  static Response decode(byte[] trace) {
    GoVerdict v = GoVerdict.of(trace);
    String events = String.join("\n", v.canonicalEvents());
    if (v.accepted()) {
      return Response.builder(Outcome.ACCEPTED).exitCode(0).events(events).build();
    }
    return Response.builder(Outcome.REJECTED).exitCode(1).events(events)
        .message(message(v)).build();
  }

  private static String message(GoVerdict v) {
    return (v.panics() ? "panic: " : "") + v.error().goMessage();
  }

  /**
   * Serves the stream protocol until {@code in} ends: reads each framed trace, writes its result
   * line (canonical events; for a rejection, Go's message and the events before the error).
   */
  public static void serve(InputStream in, OutputStream out) throws IOException {
    DataInputStream data = new DataInputStream(in);
    OutputStream o = new BufferedOutputStream(out, 1 << 16);
    while (true) {
      int length;
      try {
        length = data.readInt();
      } catch (EOFException e) {
        o.flush();
        return;
      }
      if (length < 0 || length > MAX_INPUT) {
        throw new IOException("stream protocol: bad frame length " + Integer.toUnsignedString(
            length));
      }
      byte[] trace = new byte[length];
      data.readFully(trace);
      GoVerdict v = GoVerdict.of(trace);
      String line = v.accepted() ? StreamResult.accepted(v.canonicalEvents())
          : StreamResult.rejected(message(v), v.canonicalEvents());
      o.write(line.getBytes(StandardCharsets.UTF_8));
      o.write('\n');
      o.flush();
    }
  }
}
