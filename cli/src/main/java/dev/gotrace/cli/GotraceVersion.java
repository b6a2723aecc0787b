package dev.gotrace.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The artifact version the build wrote into {@code version.properties}, so {@code --version}
 * says which build is running (also when run from the classes directory, where no jar manifest
 * exists).
 */
final class GotraceVersion implements IVersionProvider {
  static final String RESOURCE = "/dev/gotrace/cli/version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"gotrace " + version()};
  }

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  static String version() {
    try (InputStream in = GotraceVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version");
      if (v == null || v.isEmpty() || v.contains("${")) {
        throw new IllegalStateException(RESOURCE + " was not filled in by the build: " + v);
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
