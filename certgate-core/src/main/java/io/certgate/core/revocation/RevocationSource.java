package io.certgate.core.revocation;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Where the revocation status of a certificate comes from (a CRL store, an OCSP client, or a
 * server-side source such as a shared cache).
 */
@FunctionalInterface
public interface RevocationSource {

  /**
   * The status of {@code certificate}, issued by {@code issuer}, as this source knows it now.
   *
   * @return empty when this source cannot establish the status (no current CRL, responder down or
   *     untrustworthy, status unknown to the responder); the caller's policy decides what empty
   *     means
   */
  Optional<RevocationStatus> status(X509Certificate certificate, X509Certificate issuer);
}
