package io.certgate.testpki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a provisioning tool (softhsm2-util, pkcs11-tool) and returns its output. */
final class Commands {
  private static final long TIMEOUT_SECONDS = 60;

  private Commands() {}

  /**
   * Runs {@code argv} with {@code environment} added. On failure the message names the tool and its
   * output, never the arguments: they may hold PINs.
   */
  static String run(List<String> argv, Map<String, String> environment) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(argv.get(0) + " timed out");
      }
      String text = new String(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IOException(argv.get(0) + " failed (exit " + process.exitValue() + "): " + text);
      }
      return text;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(argv.get(0) + " interrupted", e);
    }
  }
}
