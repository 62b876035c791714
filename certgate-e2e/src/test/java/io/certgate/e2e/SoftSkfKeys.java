package io.certgate.e2e;

import io.certgate.testpki.Pem;
import io.certgate.testpki.UserCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * 国密 USB keys without hardware: the agent tests' software SKF library ({@code
 * certgate-agent/src/test/native/soft-skf.c}, GM/T 0016 over OpenSSL's libcrypto), compiled here
 * with gcc for the agent child process, and its devices as folders. Without gcc or OpenSSL's
 * headers there are no SKF keys and the SKF tests are skipped.
 */
final class SoftSkfKeys {
  /** Tries before a device's PIN locks; every wrong PIN reports the tries left. */
  static final int MAX_TRIES = 5;

  private final Path library;
  private final Path devices;

  private SoftSkfKeys(Path library, Path devices) {
    this.library = library;
    this.devices = devices;
  }

  /** Builds the library, or says why it cannot be built here. */
  static Optional<SoftSkfKeys> build(Path work) throws IOException {
    Path source = Path.of(System.getProperty("certgate.e2e.native-dir", "missing"), "soft-skf.c");
    if (!Files.isRegularFile(source)
        || !Files.isRegularFile(Path.of("/usr/include/openssl/evp.h"))
        || !onPath("gcc")) {
      return Optional.empty();
    }
    Path library = Files.createDirectories(work.resolve("native")).resolve("libsoftskf.so");
    List<String> command =
        List.of(
            "gcc",
            "-shared",
            "-fPIC",
            "-O2",
            "-o",
            library.toString(),
            source.toString(),
            "-lcrypto",
            "-lpthread");
    Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!gcc.waitFor(120, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
        throw new IOException("gcc failed on " + source + ":\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return Optional.of(new SoftSkfKeys(library, Files.createDirectories(work.resolve("skf"))));
  }

  /** The agent's settings: this library only (no vendor library of the machine), these devices. */
  Map<String, String> agentEnvironment() {
    return Map.of(
        "CERTGATE_AGENT_SKF", library.toString(),
        "CERTGATE_AGENT_SKF_BUILTIN", "false",
        "CERTGATE_SOFTSKF_DIR", devices.toString());
  }

  /** Inserts a device holding the user's signature key and both certificates, PIN {@code pin}. */
  void insert(String deviceName, String serial, String pin, UserCredentials user)
      throws IOException {
    Path device = devices.resolve(deviceName);
    Path application = device.resolve("GM_APP");
    Path container = Files.createDirectories(application.resolve("SIGN_CON"));
    Files.writeString(device.resolve("manufacturer"), "CertGate Soft SKF");
    Files.writeString(device.resolve("serial"), serial);
    Files.writeString(application.resolve("user.pin"), pin);
    Files.writeString(application.resolve("max_tries"), Integer.toString(MAX_TRIES));
    Files.writeString(container.resolve("sign.key"), Pem.privateKey(user.signature().privateKey()));
    try {
      Files.write(container.resolve("sign.crt"), user.signature().certificate().getEncoded());
      Files.write(container.resolve("enc.crt"), user.encryption().certificate().getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
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
