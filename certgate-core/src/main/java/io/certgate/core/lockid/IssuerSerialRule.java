package io.certgate.core.lockid;

import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;

/**
 * {@code ISSUER_SERIAL}: issuer DN (RFC 2253 form), a colon, and the serial as lowercase hex. The
 * serial is last and hex has no colon, so the ID splits unambiguously at its last colon.
 */
record IssuerSerialRule() implements LockIdRule {

  @Override
  public String extract(X509Certificate certificate) {
    return certificate.getIssuerX500Principal().getName(X500Principal.RFC2253)
        + ":"
        + certificate.getSerialNumber().toString(16);
  }

  @Override
  public String toString() {
    return "ISSUER_SERIAL";
  }
}
