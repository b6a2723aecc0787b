package dev.gotrace.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Opening the files commands name; "-" means standard input or output. Every I/O error names
 * the path as the user gave it (a {@link FileSystemException} whose file is that path).
 */
final class Inputs {
  static final String SAMPLE_RESOURCE = "/dev/gotrace/cli/sample-go1.26.trace";
  /** As the kernel's ELOOP limit. */
  private static final int MAX_LINKS = 40;
  private static final Path PROC = Path.of("/proc");

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
    Path path = pathOf(name);
    if (Files.isDirectory(path)) {
      throw new FileSystemException(name, null, "is a directory, not a trace");
    }
    try {
      return new NamedInputStream(Files.newInputStream(path), name);
    } catch (IOException e) {
      throw named(name, e);
    }
  }

  /**
   * Opens an output. A file is written beside its final name and moved into place only by
   * {@link Output#commit}, so a command that fails on invalid input leaves no partial file.
   *
   * <p>The file ends up as {@code open(O_CREAT)} would leave it: a new file gets mode 0666 less
   * the umask, an existing one keeps its mode, and a symbolic link is followed, so the link's
   * target is replaced and the link stays. (Being a new inode, a replaced file loses other hard
   * links and gets the writer as owner.) What is not a regular file (a device, a pipe) is
   * written in place.
   */
  static Output create(String name) throws IOException {
    if (name.equals("-")) {
      return new Output(new UncloseableOutputStream(System.out), name, null, null);
    }
    if (Files.isDirectory(pathOf(name))) {
      throw new FileSystemException(name, null, "is a directory");
    }
    Path target = throughLinks(name);
    try {
      if (target == null || (Files.exists(target) && !Files.isRegularFile(target))) {
        // Nothing to replace (/dev/stdout, /dev/null, a pipe): open it as any tool would.
        return new Output(Files.newOutputStream(pathOf(name)), name, null, null);
      }
      Path temp = createTemp(target);
      try {
        if (Files.exists(target)
            && Files.getFileStore(target).supportsFileAttributeView(PosixFileAttributeView.class)) {
          Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        }
        OutputStream file = Files.newOutputStream(temp, StandardOpenOption.WRITE);
        return new Output(new BufferedOutputStream(file, 1 << 16), name, temp, target);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
    } catch (IOException e) {
      throw named(name, e);
    }
  }

  /** A new file beside {@code target}, created as open(O_CREAT|O_EXCL, 0666) creates files. */
  private static Path createTemp(Path target) throws IOException {
    while (true) {
      Path temp = target.resolveSibling("." + target.getFileName() + "."
          + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".partial");
      try {
        Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
            .close();
        return temp;
      } catch (FileAlreadyExistsException e) {
        // another name
      }
    }
  }

  /**
   * The file {@code name} finally names: symbolic links followed as open(2) follows them; or
   * {@code null} for a link the kernel makes up ({@code /dev/stdout} leads to
   * {@code /proc/self/fd/1}), which names an open file, not a place in a directory.
   */
  private static Path throughLinks(String name) throws IOException {
    Path p = pathOf(name).toAbsolutePath();
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops == MAX_LINKS) {
        throw new FileSystemException(name, null, "too many levels of symbolic links");
      }
      if (p.startsWith(PROC)) {
        return null;
      }
      // Relative to the link's directory, not normalised: ".." means what the kernel says.
      p = p.resolveSibling(Files.readSymbolicLink(p));
    }
    return p.startsWith(PROC) ? null : p;
  }

  private static Path pathOf(String name) throws FileSystemException {
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      throw new FileSystemException(name, null, "not a valid path: " + e.getReason());
    }
  }

  /** The same failure, naming the path the user gave instead of the one that failed. */
  static FileSystemException named(String name, IOException e) {
    String reason;
    if (e instanceof NoSuchFileException) {
      reason = name.equals(((NoSuchFileException) e).getFile()) ? "no such file"
          : "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e instanceof FileSystemException) {
      FileSystemException f = (FileSystemException) e;
      if (name.equals(f.getFile()) && f.getOtherFile() == null) {
        return f;
      }
      reason = f.getReason() == null ? e.getClass().getSimpleName() : f.getReason();
    } else {
      reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    FileSystemException named = e instanceof NoSuchFileException
        ? new NoSuchFileException(name, null, reason)
        : new FileSystemException(name, null, reason);
    named.initCause(e);
    return named;
  }

  /** An output stream that becomes its file only when committed. */
  static final class Output implements AutoCloseable {
    private final OutputStream stream;
    private final String name;
    private final Path temp;
    private final Path target;
    private boolean committed;

    Output(OutputStream stream, String name, Path temp, Path target) {
      this.stream = new NamedOutputStream(stream, name);
      this.name = name;
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
        try {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          Files.deleteIfExists(temp);
          throw named(name, e);
        }
      }
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (!committed) {
        try {
          stream.close();
        } finally {
          if (temp != null) {
            Files.deleteIfExists(temp);
          }
        }
      }
    }
  }

  /** Reports read errors under the path the user gave. */
  private static final class NamedInputStream extends FilterInputStream {
    private final String name;

    NamedInputStream(InputStream in, String name) {
      super(in);
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException e) {
        throw named(name, e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        throw named(name, e);
      }
    }
  }

  /** Reports write errors under the path the user gave, never the temporary file's. */
  private static final class NamedOutputStream extends FilterOutputStream {
    private final String name;

    NamedOutputStream(OutputStream out, String name) {
      super(out);
      this.name = name;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw named(name, e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw named(name, e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw named(name, e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } catch (IOException e) {
        throw named(name, e);
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
