package dev.gotrace.semantic;

import dev.gotrace.semantic.TraceValidationException.Stage;
import dev.gotrace.wire.WirePosition;

/** Factories for {@link TraceValidationException}, one per stage of Go's reader. */
final class Problems {
  private Problems() {}

  static TraceValidationException framing(WirePosition at, String go, String problem,
      String expected, String found) {
    return new TraceValidationException(Stage.FRAMING, at, null, go, problem, expected, found);
  }

  static TraceValidationException generation(WirePosition at, String go, String problem,
      String expected, String found) {
    return new TraceValidationException(Stage.GENERATION, at, null, go, problem, expected, found);
  }

  static TraceValidationException decoding(WirePosition at, String go, String problem,
      String expected, String found) {
    return new TraceValidationException(Stage.EVENT_DECODING, at, null, go, problem, expected,
        found);
  }

  static TraceValidationException of(Stage stage, WirePosition at, String context, String go,
      String problem, String expected, String found) {
    return new TraceValidationException(stage, at, context, go, problem, expected, found);
  }
}
