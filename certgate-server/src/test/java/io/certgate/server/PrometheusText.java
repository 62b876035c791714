package io.certgate.server;

import java.util.regex.Pattern;

/** Reads one sample from Prometheus's text format. */
final class PrometheusText {
  private PrometheusText() {}

  /**
   * The value of the series with this name and these label pairs (others may be present), or 0 if
   * the series has not appeared yet.
   */
  static double value(String scrape, String name, String... labels) {
    for (String line : scrape.split("\n")) {
      if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < labels.length; i += 2) {
        all &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
      }
      if (all) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  /** Whether any series of this name exists. */
  static boolean has(String scrape, String name) {
    return Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(scrape).find();
  }
}
