package io.certgate.agent.token;

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
   * Whether the certificate may sign a login: its key usage has digitalSignature or nonRepudiation.
   * Encryption certificates of a dual pair carry only keyEncipherment or keyAgreement; a
   * certificate without the extension is refused too, as the server requires it (DESIGN.md §8 step
   * 5).
   */
  public boolean signatureCapable() {
    boolean[] usage = certificate.getKeyUsage();
    return usage != null && (usage[0] || usage[1]);
  }
}
