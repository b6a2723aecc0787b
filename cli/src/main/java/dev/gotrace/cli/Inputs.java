package dev.gotrace.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
      // Commands close what they open; standard input must stay open for the caller.
      return new FilterInputStream(System.in) {
        @Override
        public void close() {}
      };
    }
    return Files.newInputStream(Path.of(name));
  }

  /**
   * Opens an output. A file is written beside its final name and moved into place only by
   * {@link Output#commit}, so a command that fails on invalid input leaves no partial file.
   */
  static Output create(String name) throws IOException {
    if (name.equals("-")) {
      return new Output(new UncloseableOutputStream(System.out), null, null);
    }
    Path target = Path.of(name).toAbsolutePath();
    Path dir = target.getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".partial");
    return new Output(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16), temp,
        target);
  }

  /** An output stream that becomes its file only when committed. */
  static final class Output implements AutoCloseable {
    private final OutputStream stream;
    private final Path temp;
    private final Path target;
    private boolean committed;

    Output(OutputStream stream, Path temp, Path target) {
      this.stream = stream;
      this.temp = temp;
      this.target = target;
    }

    OutputStream stream() {
      return stream;
    }

    void commit() throws IOException {
      stream.flush();
      stream.close();
      if (temp != null) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (!committed) {
        stream.close();
        if (temp != null) {
          Files.deleteIfExists(temp);
        }
      }
    }
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
}
