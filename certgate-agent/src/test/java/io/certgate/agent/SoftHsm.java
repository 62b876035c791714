package io.certgate.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real SoftHSM2 tokens for the tests, made with {@code softhsm2-util} and {@code pkcs11-tool} in
 * the token directory of the {@code SOFTHSM2_CONF} that the build gives this JVM (so the module
 * loaded in the JVM and the tools see the same tokens).
 */
public final class SoftHsm {
  public static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  public static final String SO_PIN = "12345678";

  private static boolean cleaned;

  private SoftHsm() {}

  /** Whether SoftHSM2 and its tools are installed and the build set SOFTHSM2_CONF. */
  public static boolean available() {
    return Files.isRegularFile(MODULE) && System.getenv("SOFTHSM2_CONF") != null;
  }

  /** Writes the configuration and token directory if they are missing; call before loading. */
  public static synchronized void ensureConfigured() {
    Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
    Path tokens = conf.resolveSibling("tokens");
    try {
      if (!cleaned) {
        // tokens of an earlier run would only slow every scan down: start each test JVM empty
        deleteTree(tokens);
        cleaned = true;
      }
      Files.createDirectories(tokens);
      if (!Files.exists(conf)) {
        Files.writeString(
            conf,
            "directories.tokendir = "
                + tokens.toAbsolutePath()
                + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** A key pair and its certificate to put on a token under one CKA_ID. */
  public record Key(String id, String label, PrivateKey privateKey, X509Certificate certificate) {}

  /** Initialises a token with the label and user PIN and imports each key with its certificate. */
  public static void provision(String label, String pin, List<Key> keys) {
    ensureConfigured();
    run(
        "softhsm2-util",
        "--init-token",
        "--free",
        "--label",
        label,
        "--so-pin",
        SO_PIN,
        "--pin",
        pin);
    for (Key key : keys) {
      Path dir = tempDir();
      Path pem = dir.resolve("key.pem");
      Path der = dir.resolve("cert.der");
      try {
        Files.writeString(
            pem,
            "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.write(der, key.certificate().getEncoded());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
      run(
          "softhsm2-util",
          "--import",
          pem.toString(),
          "--token",
          label,
          "--label",
          key.label(),
          "--id",
          key.id(),
          "--pin",
          pin);
      run(
          "pkcs11-tool",
          "--module",
          MODULE.toString(),
          "--token-label",
          label,
          "--login",
          "--pin",
          pin,
          "--write-object",
          der.toString(),
          "--type",
          "cert",
          "--id",
          key.id(),
          "--label",
          key.label());
    }
  }

  /** Deletes a token, as pulling the USB key out would remove it. */
  public static void delete(String label) {
    run("softhsm2-util", "--delete-token", "--token", label);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("certgate-softhsm");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(String... command) {
    List<String> cmd = new ArrayList<>(List.of(command));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(cmd.get(0) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
