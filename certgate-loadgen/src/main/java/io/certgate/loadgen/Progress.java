package io.certgate.loadgen;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One line per step on stderr, so a long run shows where it is (stdout keeps the report). */
final class Progress {
  private Progress() {}

  static void say(String step) {
    System.err.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " loadgen: " + step);
  }
}
