package io.certgate.agent;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certgate.testpki.Pem;
import io.certgate.testpki.UserCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test-only software SKF library {@code src/test/native/soft-skf.c} (GM/T 0016 over OpenSSL's
 * libcrypto), compiled with gcc once per test JVM, and the files that are its devices.
 *
 * <p>The library reads {@code CERTGATE_SOFTSKF_DIR} (its devices) and {@code
 * CERTGATE_SOFTSKF_QUIRKS} from the C environment at every call; tests set them in this process
 * with {@code setenv} ({@link #use}, {@link #quirks}).
 */
public final class SoftSkf {
  /** The variants: the full library, one without SKF_GetPINInfo, one without SKF_ECCSignData. */
  public enum Variant {
    FULL("libsoftskf.so"),
    NO_PIN_INFO("libsoftskf-nopininfo.so", "-DSOFTSKF_NO_PININFO"),
    NO_SIGN("libsoftskf-nosign.so", "-DSOFTSKF_NO_SIGN");

    final String file;
    final List<String> defines;

    Variant(String file, String... defines) {
      this.file = file;
      this.defines = List.of(defines);
    }
  }

  private SoftSkf() {}

  /** The compiled library; the test is skipped when gcc or OpenSSL's headers are missing. */
  public static synchronized Path library(Variant variant) {
    Path dir = Path.of("target", "native").toAbsolutePath();
    Path library = dir.resolve(variant.file);
    if (!upToDate(library)) {
      assumeTrue(onPath("gcc"), "gcc is not installed: the software SKF library cannot be built");
      assumeTrue(
          Files.isRegularFile(Path.of("/usr/include/openssl/evp.h")),
          "OpenSSL headers (libssl-dev) are missing: the software SKF library cannot be built");
      compile(variant, library);
    }
    return library;
  }

  /**
   * The library's folder of devices ({@code CERTGATE_SOFTSKF_DIR}, set by the build's Failsafe
   * configuration), emptied: no device, no quirk, no recorded call.
   */
  public static Path reset() {
    String dir = System.getenv("CERTGATE_SOFTSKF_DIR");
    assumeTrue(dir != null, "CERTGATE_SOFTSKF_DIR comes from the Failsafe configuration");
    Path devices = Path.of(dir);
    try {
      if (Files.exists(devices)) {
        try (var walk = Files.walk(devices)) {
          for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      return Files.createDirectories(devices);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sets the library's quirks ({@code single-nul}, {@code pem-cert}, {@code hang:SKF_x}, {@code
   * crash:SKF_x} …), read by it at every call.
   */
  public static void quirks(String... quirks) {
    write(
        Path.of(System.getenv("CERTGATE_SOFTSKF_DIR")).resolve("quirks"), String.join(",", quirks));
  }

  /**
   * Writes a device holding one application {@code app} with a container {@code con} of the user's
   * signature key, signature certificate and encryption certificate.
   */
  public static Path device(
      Path devices, String name, String serial, String pin, int maxTries, UserCredentials user) {
    Path device = devices.resolve(name);
    container(device, "app", "con", pin, maxTries, user);
    write(device.resolve("manufacturer"), "CertGate Soft");
    write(device.resolve("serial"), serial);
    return device;
  }

  /** Adds a container to a device's application (creating them), with the application's PIN. */
  public static void container(
      Path device, String app, String con, String pin, int maxTries, UserCredentials user) {
    try {
      Path application = device.resolve(app);
      Path container = Files.createDirectories(application.resolve(con));
      write(application.resolve("user.pin"), pin);
      write(application.resolve("max_tries"), Integer.toString(maxTries));
      Files.deleteIfExists(application.resolve("tries_left"));
      write(container.resolve("sign.key"), Pem.privateKey(user.signature().privateKey()));
      Files.write(container.resolve("sign.crt"), user.signature().certificate().getEncoded());
      Files.write(container.resolve("enc.crt"), user.encryption().certificate().getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The calls the library recorded ("SKF_VerifyPIN 0A000024" …), oldest first. */
  public static List<String> calls(Path devices) {
    try {
      Path log = devices.resolve("calls.log");
      return Files.exists(log) ? Files.readAllLines(log) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void compile(Variant variant, Path library) {
    Path source = Path.of("src", "test", "native", "soft-skf.c").toAbsolutePath();
    List<String> command = new ArrayList<>(List.of("gcc", "-shared", "-fPIC", "-O2", "-Wall"));
    command.addAll(variant.defines);
    command.addAll(
        List.of(
            "-fvisibility=hidden",
            "-o",
            library.toString(),
            source.toString(),
            "-lcrypto",
            "-lpthread"));
    try {
      Files.createDirectories(library.getParent());
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean upToDate(Path library) {
    try {
      Path source = Path.of("src", "test", "native", "soft-skf.c");
      return Files.isRegularFile(library)
          && Files.getLastModifiedTime(library).compareTo(Files.getLastModifiedTime(source)) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
