package io.chargen.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code chargen --version}: the version Maven built, from {@code version.properties} (filtered at build time). */
final class BuildVersion implements IVersionProvider {
  static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"chargen " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor")
        + ")"};
  }

  /** @return the project version of this build, e.g. 0.1.0-SNAPSHOT */
  static String version() {
    try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the launcher's class path: rebuild it");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
