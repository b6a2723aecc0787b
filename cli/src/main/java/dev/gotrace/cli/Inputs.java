package dev.gotrace.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening the files commands name; "-" means standard input or output. */
final class Inputs {
  static final String SAMPLE_RESOURCE = "/dev/gotrace/cli/sample-go1.26.trace";

  private Inputs() {}

  static InputStream open(String name) throws IOException {
    if (name == null) {
      InputStream in = Inputs.class.getResourceAsStream(SAMPLE_RESOURCE);
      if (in == null) {
        throw new IOException("the built-in sample trace is missing from the jar");
      }
      return new BufferedInputStream(in);
    }
    if (name.equals("-")) {
      return System.in;
    }
    return Files.newInputStream(Path.of(name));
  }

  static OutputStream create(String name) throws IOException {
    if (name.equals("-")) {
      return new UncloseableOutputStream(System.out);
    }
    return new BufferedOutputStream(Files.newOutputStream(Path.of(name)), 1 << 16);
  }

  /** Keeps {@code System.out} open when a command closes its output. */
  private static final class UncloseableOutputStream extends OutputStream {
    private final OutputStream out;

    UncloseableOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  static void rethrow(IOException e) {
    throw new UncheckedIOException(e);
  }
}
