package dev.gotrace.kit.adapter;

import java.io.IOException;

/**
 * {@code java -cp KIT_CLASSPATH dev.gotrace.kit.adapter.GotraceStreamAdapter}: gotrace's decoder
 * as a stream-protocol process (the same as {@code gotrace conform serve}), for harnesses that
 * start it without the CLI.
 */
public final class GotraceStreamAdapter {
  private GotraceStreamAdapter() {}

  public static void main(String[] args) throws IOException {
    GotraceAdapter.serve(System.in, System.out);
  }
}
