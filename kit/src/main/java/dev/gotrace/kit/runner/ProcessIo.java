package dev.gotrace.kit.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Process plumbing shared by the runners: draining a stream in the background, killing a tree. */
final class ProcessIo {
  /** More output than this from one run is cut: a decoder in a loop must not fill the heap. */
  static final int MAX_OUTPUT = 256 << 20;

  private ProcessIo() {}

  /** Reads a stream to its end on a daemon thread, keeping at most {@link #MAX_OUTPUT} bytes. */
  static final class Drain extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Drain(InputStream in, String name) {
      super(name);
      this.in = in;
      setDaemon(true);
      start();
    }

    @Override
    public void run() {
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) >= 0; ) {
          synchronized (out) {
            if (out.size() < MAX_OUTPUT) {
              out.write(buf, 0, Math.min(n, MAX_OUTPUT - out.size()));
            }
          }
        }
      } catch (IOException e) {
        // The process went away; what was read is all there is.
      }
    }

    /** Waits for the end of the stream (at most {@code millis}) and returns the text read. */
    String text(long millis) {
      try {
        join(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return take();
    }

    /** The text read so far, which is then forgotten. */
    String take() {
      synchronized (out) {
        String s = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return s;
      }
    }
  }

  /** Kills the process and everything it started. */
  static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
