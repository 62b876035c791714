package io.certgate.core.revocation;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A certificate's issuer name as its DER encoding, decoded only when an encoding-level comparison
 * is not enough (RFC 5280 §7.1 matching of differently encoded names). Keeps the common lookup — a
 * CRL of the certificate's own issuer — free of name parsing. One per lookup; not thread-safe.
 */
final class IssuerName {
  private final byte[] der;
  private X500Name name;

  IssuerName(X509Certificate certificate) {
    this.der = certificate.getIssuerX500Principal().getEncoded();
  }

  X500Name name() {
    if (name == null) {
      name = X500Name.getInstance(der);
    }
    return name;
  }

  /** Whether this is the name {@code other} (whose DER encoding is {@code otherDer}). */
  boolean matches(X500Name other, byte[] otherDer) {
    return Arrays.equals(der, otherDer) || name().equals(other);
  }
}
