package io.certgate.core.token;

import io.certgate.core.AlgorithmMismatchException;
import io.certgate.core.SignatureInvalidException;
import java.security.InvalidKeyException;
import java.security.cert.X509Certificate;

/**
 * Steps 3 (algorithm matches the key) and 4 (signature) of DESIGN.md §8: checks that the token's
 * signature was made by the certificate's key over {@link SignedData} for the given origin and
 * nonce. It does not check the certificate itself (purpose, validity, path, revocation).
 */
public final class TokenSignatureVerifier {
  private TokenSignatureVerifier() {}

  /**
   * Verifies the token's signature with the certificate's public key.
   *
   * @param token a parsed token
   * @param certificate the token's own certificate, decoded by the caller from {@link
   *     AuthToken#certificate()}
   * @param origin the server's configured public origin (never one taken from the request)
   * @param nonce the challenge nonce as issued
   * @throws AlgorithmMismatchException if the key is not one CertGate accepts, or the token's
   *     algorithm is not the one bound to its type (RSA ↔ RS256/PS256, P-256 ↔ ES256, P-384 ↔
   *     ES384, SM2 ↔ SM2SM3)
   * @throws SignatureInvalidException if the signature does not verify or cannot be decoded
   */
  public static void verify(
      AuthToken token, X509Certificate certificate, WebOrigin origin, String nonce)
      throws AlgorithmMismatchException, SignatureInvalidException {
    TokenAlgorithm alg = token.algorithm();
    CertificateKeys.CertificateKey key = CertificateKeys.of(certificate);
    if (key.type() != alg.keyType()) {
      throw new AlgorithmMismatchException(
          "algorithm " + alg + " does not fit the certificate's " + key.type() + " key");
    }
    byte[] data = SignedData.of(alg, origin, nonce);
    boolean valid;
    try {
      valid = RawSignatures.verifyRaw(alg, key.key(), data, token.signature());
    } catch (InvalidKeyException e) {
      throw new AlgorithmMismatchException("the certificate's key cannot be used with " + alg, e);
    }
    if (!valid) {
      throw new SignatureInvalidException("the token signature does not verify");
    }
  }
}
