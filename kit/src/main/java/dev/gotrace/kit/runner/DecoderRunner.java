package dev.gotrace.kit.runner;

import java.io.IOException;

/**
 * Runs a decoder under test on one input at a time. Implementations never throw for what the
 * decoder does (a crash or a hang is a {@link Response}); an {@link IOException} means the runner
 * itself could not work (the command cannot be started, a temporary file cannot be written).
 *
 * <p>Not thread-safe: use one runner per thread. Close it to end any process it keeps.
 */
public interface DecoderRunner extends AutoCloseable {
  Response run(DecoderInput input) throws IOException;

  /** A one-line description for reports, such as the command line and protocol. */
  String describe();

  @Override
  void close() throws IOException;
}
