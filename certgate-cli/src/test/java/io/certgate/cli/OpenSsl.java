package io.certgate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code openssl} command line as an outside party. */
final class OpenSsl {
  private OpenSsl() {}

  /** Whether an {@code openssl} 3.x binary is on the PATH. */
  static boolean available() {
    try {
      return run(Path.of("."), "version").startsWith("OpenSSL 3");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Runs {@code openssl args…} in {@code dir}; fails with its output when the exit is not 0. */
  static String run(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    return exec(dir, command);
  }

  static String exec(Path dir, List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("timed out: " + command);
      }
      String text = new String(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IOException(command + " exited " + process.exitValue() + ":\n" + text);
      }
      return text;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted: " + command, e);
    }
  }
}
