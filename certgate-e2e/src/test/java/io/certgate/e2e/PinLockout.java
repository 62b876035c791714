package io.certgate.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The agent tests' PKCS#11 lockout module ({@code certgate-agent/src/test/native}): SoftHSM2 with
 * the PIN counter of a real USB key, so a wrong PIN reports the tries left. Compiled here with gcc
 * for the agent child process; without gcc or the source the agent gets plain SoftHSM2, which never
 * counts.
 */
final class PinLockout {
  /** Small, so that a test reaches the final try (the only state with a number) quickly. */
  static final int MAX_TRIES = 3;

  private PinLockout() {}

  /**
   * The environment that puts the module in front of SoftHSM2 for the agent, or empty when it
   * cannot be built here.
   */
  static Optional<Map<String, String>> agentEnvironment(Path work, Path softHsmModule)
      throws IOException {
    Path source =
        Path.of(System.getProperty("certgate.e2e.native-dir", "missing"), "pin-lockout-pkcs11.c");
    if (!Files.isRegularFile(source) || !onPath("gcc")) {
      return Optional.empty();
    }
    Path library = Files.createDirectories(work.resolve("native")).resolve("libpinlockout.so");
    Process gcc =
        new ProcessBuilder(
                List.of(
                    "gcc",
                    "-shared",
                    "-fPIC",
                    "-O2",
                    "-o",
                    library.toString(),
                    source.toString(),
                    "-ldl",
                    "-lpthread"))
            .redirectErrorStream(true)
            .start();
    String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
        throw new IOException("gcc failed on " + source + ":\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    Map<String, String> env = new HashMap<>();
    env.put("CERTGATE_AGENT_PKCS11", library.toString());
    env.put("CERTGATE_SHIM_TARGET", softHsmModule.toString());
    env.put("CERTGATE_SHIM_STATE", work.resolve("pin-lockout-state").toString());
    env.put("CERTGATE_SHIM_MAX_TRIES", String.valueOf(MAX_TRIES));
    return Optional.of(env);
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
