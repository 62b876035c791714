package io.certgate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A provider PKI made by {@code openssl-pki.sh} (only the openssl command line): root → issuing CA
 * → user (signature), revoked, enc (encryption only) and a delegated OCSP signer, plus CRLs.
 */
record OpenSslPki(Path dir, Kind kind, int ocspPort) {

  /** The key types of the interop matrix, with the token algorithms each key signs with. */
  enum Kind {
    RSA("rsa", "RSA", List.of("RS256", "PS256")),
    P256("p256", "EC", List.of("ES256")),
    SM2("sm2", "SM2", List.of("SM2SM3"));

    final String script;
    final String keyAlgorithm;
    final List<String> tokenAlgorithms;

    Kind(String script, String keyAlgorithm, List<String> tokenAlgorithms) {
      this.script = script;
      this.keyAlgorithm = keyAlgorithm;
      this.tokenAlgorithms = tokenAlgorithms;
    }
  }

  static OpenSslPki create(Path parent, Kind kind, int ocspPort) throws IOException {
    Path dir = Files.createDirectories(parent.resolve(kind.script));
    Path script = parent.resolve("openssl-pki.sh");
    if (!Files.exists(script)) {
      try (InputStream in = OpenSslPki.class.getResourceAsStream("openssl-pki.sh")) {
        Files.copy(in, script);
      }
    }
    OpenSsl.exec(
        dir,
        List.of("bash", script.toString(), dir.toString(), kind.script, String.valueOf(ocspPort)));
    return new OpenSslPki(dir, kind, ocspPort);
  }

  String file(String name) {
    return dir.resolve(name).toString();
  }
}
