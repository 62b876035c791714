package io.certgate.core.cert;

import java.security.cert.X509Certificate;

/** Small facts about CA certificates used when arranging a provider's anchors. */
final class Anchors {
  private Anchors() {}

  /** Self-issued and verifiable with its own key: a root, usable as a PKIX trust anchor. */
  static boolean selfSigned(X509Certificate certificate) {
    if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
      return false;
    }
    return signedBy(certificate, certificate);
  }

  /** Whether {@code certificate}'s signature verifies with {@code issuer}'s key. */
  static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
    try {
      certificate.verify(issuer.getPublicKey(), Certificates.BC);
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
