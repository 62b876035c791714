package io.certgate.packaging;

import io.certgate.testpki.Pem;
import io.certgate.testpki.UserCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A 国密 USB key without hardware for the installed client: the agent tests' software SKF library
 * ({@code certgate-agent/src/test/native/soft-skf.c}, GM/T 0016 over OpenSSL's libcrypto) compiled
 * with gcc into the user's home, and one device of it (a folder) holding an SM2 signing key and its
 * certificates. The library reads its devices from {@code CERTGATE_SOFTSKF_DIR}.
 */
record SoftSkfDevice(Path library, Path devices, String name) {
  static final String APPLICATION = "GM_APP";

  /**
   * Compiles the library into {@code dir} and inserts device {@code name} holding the user's key.
   */
  static SoftSkfDevice create(Path dir, String name, String pin, UserCredentials user)
      throws IOException, InterruptedException {
    Path source = Path.of(System.getProperty("certgate.packaging.soft-skf-source", "missing"));
    if (!Files.isRegularFile(source)) {
      throw new IllegalStateException("no soft-skf.c at " + source);
    }
    Path library = Files.createDirectories(dir).resolve("libsoftskf.so");
    Shell.run(
            "gcc",
            "-shared",
            "-fPIC",
            "-O2",
            "-fvisibility=hidden",
            "-o",
            library.toString(),
            source.toString(),
            "-lcrypto",
            "-lpthread")
        .orFail(); // needs gcc and libssl-dev, which .ci/run installs
    Path devices = Files.createDirectories(dir.resolve("devices"));
    Path device = devices.resolve(name);
    Path application = device.resolve(APPLICATION);
    Path container = Files.createDirectories(application.resolve("SIGN_CON"));
    Files.writeString(device.resolve("manufacturer"), "CertGate Soft SKF");
    Files.writeString(device.resolve("serial"), "DEB0001");
    Files.writeString(application.resolve("user.pin"), pin);
    Files.writeString(application.resolve("max_tries"), "5");
    Files.writeString(container.resolve("sign.key"), Pem.privateKey(user.signature().privateKey()));
    try {
      Files.write(container.resolve("sign.crt"), user.signature().certificate().getEncoded());
      Files.write(container.resolve("enc.crt"), user.encryption().certificate().getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
    return new SoftSkfDevice(library, devices, name);
  }
}
