package io.certgate.agent;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test-only PKCS#11 module {@code src/test/native/pin-lockout-pkcs11.c}: SoftHSM2 with the PIN
 * counter of a real USB key (count low, final try, locked). Compiled with gcc once per test JVM.
 *
 * <p>The build (Failsafe) sets the module's environment: {@code CERTGATE_SHIM_TARGET}, {@code
 * CERTGATE_SHIM_STATE} and {@code CERTGATE_SHIM_MAX_TRIES}. The target is a <em>copy</em> of the
 * SoftHSM2 module: other tests of this JVM load SoftHSM2 directly and re-initialise it, and the
 * dynamic loader shares one instance per file, so the module wraps its own instance.
 */
public final class PinLockoutModule {
  private static Path module;

  private PinLockoutModule() {}

  /** Tries before the module locks a PIN, as the build configured it. */
  public static int maxTries() {
    return Integer.parseInt(env("CERTGATE_SHIM_MAX_TRIES"));
  }

  /**
   * The compiled module; the test is skipped (with the reason) when SoftHSM2, gcc or the build's
   * settings are missing.
   */
  public static synchronized Path module() {
    if (module == null) {
      assumeTrue(SoftHsm.available(), "SoftHSM2 is not installed or SOFTHSM2_CONF is not set");
      assumeTrue(
          System.getenv("CERTGATE_SHIM_TARGET") != null
              && System.getenv("CERTGATE_SHIM_STATE") != null
              && System.getenv("CERTGATE_SHIM_MAX_TRIES") != null
              && System.getProperty("certgate.agent.native.dir") != null,
          "the PIN lockout module's settings come from the Failsafe configuration of the build");
      assumeTrue(onPath("gcc"), "gcc is not installed: the PIN lockout module cannot be built");
      module = compile();
    }
    return module;
  }

  /** Forgets every token's failures, as a new key would have none. */
  public static void reset() {
    try {
      Path state = Path.of(env("CERTGATE_SHIM_STATE"));
      if (Files.isDirectory(state)) {
        try (var files = Files.list(state)) {
          for (Path f : files.toList()) {
            Files.delete(f);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Makes the token with this serial answer CKR_PIN_INCORRECT, not CKR_PIN_LOCKED, to the wrong PIN
   * that locks it (as some keys do): the lock then shows only in its flags and in later logins.
   */
  public static void answerPinIncorrectWhenLocking(String serial) {
    try {
      Path state = Files.createDirectories(Path.of(env("CERTGATE_SHIM_STATE")));
      // the module names state files after the serial's letters and digits
      Files.writeString(
          state.resolve(serial.replaceAll("[^A-Za-z0-9]", "") + ".incorrect-on-lock"), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path compile() {
    Path source = Path.of(System.getProperty("certgate.agent.native.dir"), "pin-lockout-pkcs11.c");
    Path target = Path.of(env("CERTGATE_SHIM_TARGET"));
    Path library = target.resolveSibling("libpinlockout.so");
    try {
      Files.createDirectories(target.getParent());
      Files.copy(SoftHsm.module(), target, StandardCopyOption.REPLACE_EXISTING);
      run(
          List.of(
              "gcc",
              "-shared",
              "-fPIC",
              "-O2",
              "-Wall",
              "-Wextra",
              "-fvisibility=hidden",
              "-o",
              library.toString(),
              source.toString(),
              "-ldl",
              "-lpthread"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return library;
  }

  private static void run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
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

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null) {
      throw new IllegalStateException(
          name + " is not set (see the agent's Failsafe configuration)");
    }
    return value;
  }
}
