package io.certgate.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The agent's version and build date, written into the build by resource filtering. */
public final class AgentVersion {
  private static final Properties BUILD = load();

  private AgentVersion() {}

  /** The version string, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String get() {
    return value("version");
  }

  /** When the build ran, ISO 8601 in UTC, e.g. {@code 2026-12-06T14:10:00Z}. */
  public static String buildDate() {
    return value("buildDate");
  }

  private static String value(String key) {
    String v = BUILD.getProperty(key, "unknown");
    // an unfiltered resource (classes run from an IDE) still says "@…@"
    return v.startsWith("@") ? "unknown" : v;
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = AgentVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
