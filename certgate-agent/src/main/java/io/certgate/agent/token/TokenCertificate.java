package io.certgate.agent.token;

import io.certgate.core.cert.Purpose;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * A certificate found on a token.
 *
 * @param id {@code <tokenId>.<first 16 bytes of SHA-256 of the DER, hex>}: the token id is part of
 *     it so that a sign request for a removed token is told apart from an unknown certificate
 * @param tokenId the {@link TokenInfo#id()} of the token holding it
 */
public record TokenCertificate(String id, String tokenId, X509Certificate certificate) {

  /** Builds the id of a certificate on a token. */
  public static TokenCertificate of(String tokenId, X509Certificate certificate) {
    return new TokenCertificate(
        tokenId + "." + Ids.fingerprint(Ids.encoded(certificate), 16), tokenId, certificate);
  }

  /** The token id a certificate id names, if it is shaped like one. */
  public static Optional<String> tokenIdOf(String certificateId) {
    int dot = certificateId.lastIndexOf('.');
    return dot > 0 ? Optional.of(certificateId.substring(0, dot)) : Optional.empty();
  }

  /**
   * Whether the certificate may sign a login: core's {@link Purpose#LOGIN} rule, the one the server
   * applies (DESIGN.md §8 step 5), so the client never offers a certificate the server would refuse
   * for its purpose (an encryption certificate of a dual pair, a nonRepudiation-only or a TLS
   * server certificate).
   */
  public boolean signatureCapable() {
    return Purpose.LOGIN.permits(certificate);
  }
}
