package io.certgate.agent;

import io.certgate.testpki.SoftHsmTokens;
import io.certgate.testpki.UserCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Real SoftHSM2 tokens for the agent's tests, made by certgate-testpki's {@link SoftHsmTokens} in
 * the folder of the {@code SOFTHSM2_CONF} the build gives this JVM: the module loaded in the JVM
 * and the provisioning tools then see the same tokens.
 */
public final class SoftHsm {
  public static final String SO_PIN = "12345678";
  private static SoftHsmTokens tokens;

  private SoftHsm() {}

  /** Whether SoftHSM2 and its tools are installed and the build set SOFTHSM2_CONF. */
  public static boolean available() {
    return SoftHsmTokens.available() && System.getenv("SOFTHSM2_CONF") != null;
  }

  /** The module the tests load. */
  public static Path module() {
    return SoftHsmTokens.findModule().orElseThrow();
  }

  /**
   * Token directory and configuration, emptied once per test JVM so old tokens never slow scans.
   */
  public static synchronized SoftHsmTokens tokens() {
    if (tokens == null) {
      Path workDir = Path.of(System.getenv("SOFTHSM2_CONF")).toAbsolutePath().getParent();
      try {
        deleteTree(workDir);
        tokens = SoftHsmTokens.create(workDir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!tokens.conf().equals(Path.of(System.getenv("SOFTHSM2_CONF")).toAbsolutePath())) {
        throw new IllegalStateException("SOFTHSM2_CONF must be <dir>/softhsm2.conf");
      }
    }
    return tokens;
  }

  /** A token with a user's dual keys (and their CA certificates, as CAs ship them). */
  public static void provision(String label, String pin, UserCredentials user) {
    try {
      tokens().initToken(label, SO_PIN, pin);
      tokens().importUser(label, pin, user);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a token, as pulling the USB key out would remove it. */
  public static void delete(String label) {
    try {
      tokens().deleteToken(label);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
