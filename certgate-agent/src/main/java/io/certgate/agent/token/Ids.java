package io.certgate.agent.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** Stable, short identifiers derived by hashing; not secrets, only names. */
final class Ids {
  private Ids() {}

  static String of(String prefix, String... parts) {
    return prefix
        + "-"
        + fingerprint(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8), 8);
  }

  static String fingerprint(byte[] data, int bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(data);
      return HexFormat.of().formatHex(hash, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate re-encodes", e);
    }
  }
}
