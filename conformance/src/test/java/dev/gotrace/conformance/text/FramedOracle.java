package dev.gotrace.conformance.text;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code gotraceoracle}'s framed stream commands ({@code text2bytes-stream}, {@code
 * bytes2text-stream}, {@code parsed-stream}): many inputs through Go's own code in one process.
 * The oracle is built once per JVM from conformance/oracle. Without Go every call fails: these
 * tests are the evidence that gotrace matches Go, so they never skip.
 */
final class FramedOracle {
  private static Path oracle;

  private FramedOracle() {}

  /** What Go made of one input: its output bytes and its verdict ("" or "FAIL ..."/"PANIC ..."). */
  record Answer(byte[] output, String verdict) {
    boolean ok() {
      return verdict.isEmpty();
    }
  }

  /** Runs {@code gotraceoracle COMMAND} over {@code inputs}; one answer per input, in order. */
  static List<Answer> run(String command, List<byte[]> inputs)
      throws IOException, InterruptedException {
    Path in = Files.createTempFile("gotrace-oracle", ".in");
    Path err = Files.createTempFile("gotrace-oracle", ".err");
    try {
      try (OutputStream out = Files.newOutputStream(in)) {
        for (byte[] input : inputs) {
          writeUvarint(out, input.length);
          out.write(input);
        }
      }
      Process p = new ProcessBuilder(oracle().toString(), command).redirectInput(in.toFile())
          .redirectError(err.toFile()).start();
      List<Answer> answers = new ArrayList<>(inputs.size());
      try (InputStream out = new java.io.BufferedInputStream(p.getInputStream(), 1 << 16)) {
        for (int i = 0; i < inputs.size(); i++) {
          byte[] output = readFrame(out);
          byte[] verdict = readFrame(out);
          if (output == null || verdict == null) {
            break;
          }
          answers.add(new Answer(output, new String(verdict, UTF_8)));
        }
      }
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("gotraceoracle " + command + " did not finish in 5 minutes");
      }
      if (p.exitValue() != 0 || answers.size() != inputs.size()) {
        throw new AssertionError("gotraceoracle " + command + " exited " + p.exitValue()
            + " after " + answers.size() + " of " + inputs.size() + " answers: "
            + Files.readString(err));
      }
      return answers;
    } finally {
      Files.deleteIfExists(in);
      Files.deleteIfExists(err);
    }
  }

  private static synchronized Path oracle() throws IOException, InterruptedException {
    if (oracle == null) {
      Path root = repoRoot();
      Path out = root.resolve("conformance/target/gotraceoracle-text");
      Files.createDirectories(out.getParent());
      Process p = new ProcessBuilder("bash", root.resolve("conformance/oracle/build.sh").toString(),
          out.toString()).redirectErrorStream(true).start();
      byte[] log = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new AssertionError("building gotraceoracle failed (is Go on PATH?): "
            + new String(log, UTF_8));
      }
      oracle = out;
    }
    return oracle;
  }

  private static Path repoRoot() {
    String root = System.getProperty("gotrace.repo.root");
    Path p = root != null ? Paths.get(root) : Paths.get("").toAbsolutePath().getParent();
    if (!Files.isRegularFile(p.resolve("conformance/oracle/main.go"))) {
      throw new AssertionError("cannot find the repository root (tried " + p + ")");
    }
    return p;
  }

  private static void writeUvarint(OutputStream out, long v) throws IOException {
    while ((v & ~0x7FL) != 0) {
      out.write((int) (v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }

  /** One uvarint-framed block, or null at the end of the stream. */
  private static byte[] readFrame(InputStream in) throws IOException {
    long length = 0;
    int shift = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      length |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        break;
      }
      shift += 7;
    }
    byte[] data = new byte[Math.toIntExact(length)];
    new DataInputStream(in).readFully(data);
    return data;
  }

  /** For messages: bytes as text, with every byte outside printable ASCII as \xHH. */
  static String show(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c >= 0x20 && c < 0x7F || c == '\n') {
        out.write(c);
      } else {
        out.writeBytes(String.format("\\x%02x", c).getBytes(UTF_8));
      }
    }
    return out.toString(UTF_8);
  }
}
