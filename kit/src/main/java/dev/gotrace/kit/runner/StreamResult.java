package dev.gotrace.kit.runner;

import dev.gotrace.kit.events.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Reading and writing the stream protocol's result lines (see {@link StreamRunner}). */
public final class StreamResult {
  private StreamResult() {}

  static Response parse(String line, String stderr, Duration elapsed) throws Json.JsonException {
    Map<String, Object> o = Json.parseObject(line);
    Object ok = o.get("ok");
    if (!(ok instanceof Boolean)) {
      throw new Json.JsonException("\"ok\" must be true or false");
    }
    String events = events(o);
    if ((Boolean) ok) {
      return Response.builder(Outcome.ACCEPTED).exitCode(0).events(events).stderr(stderr)
          .elapsed(elapsed).build();
    }
    Object error = o.get("error");
    if (!(error instanceof String)) {
      throw new Json.JsonException("a rejection needs an \"error\" string");
    }
    return Response.builder(Outcome.REJECTED).exitCode(1).events(events)
        .message((String) error).stderr(stderr).elapsed(elapsed).build();
  }

  private static String events(Map<String, Object> o) throws Json.JsonException {
    Object events = o.get("events");
    Object parsed = o.get("parsed");
    if (events != null && parsed != null) {
      throw new Json.JsonException("either \"events\" or \"parsed\", not both");
    }
    Object list = events != null ? events : parsed;
    if (list == null) {
      return "";
    }
    if (!(list instanceof List)) {
      throw new Json.JsonException("\"" + (events != null ? "events" : "parsed")
          + "\" must be an array");
    }
    StringJoiner j = new StringJoiner("\n");
    for (Object e : (List<?>) list) {
      if (events != null) {
        if (!(e instanceof Map)) {
          throw new Json.JsonException("each of \"events\" must be an object");
        }
        j.add(Json.write(e));
      } else {
        if (!(e instanceof String)) {
          throw new Json.JsonException("each of \"parsed\" must be a string");
        }
        j.add((String) e);
      }
    }
    return j.toString();
  }

  /** An accepting result line carrying canonical events (each already a JSON object line). */
  public static String accepted(List<String> canonicalEvents) {
    return "{\"ok\":true,\"events\":[" + String.join(",", canonicalEvents) + "]}";
  }

  /** A rejecting result line with the events delivered before the error. */
  public static String rejected(String error, List<String> canonicalEvents) {
    StringBuilder b = new StringBuilder("{\"ok\":false,\"error\":");
    Json.quote(b, error);
    b.append(",\"events\":[").append(String.join(",", canonicalEvents)).append("]}");
    return b.toString();
  }
}
