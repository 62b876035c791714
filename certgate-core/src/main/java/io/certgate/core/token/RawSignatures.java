package io.certgate.core.token;

import io.certgate.core.AlgorithmMismatchException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/**
 * The low-level verification primitive: one signature over given bytes with a given key. {@link
 * TokenSignatureVerifier} and the Wycheproof tests go through this same method, so the vectors test
 * exactly what the server runs.
 *
 * <p>Bouncy Castle's ECDSA and SM2 decoders accept only canonical DER (they re-encode and compare)
 * and check {@code 0 < r, s < n}, which is what refuses BER variants and malleated signatures.
 */
final class RawSignatures {
  private RawSignatures() {}

  /**
   * Verifies a signature; false for a wrong signature and for any undecodable or garbage signature
   * bytes, never an exception for attacker-controlled input.
   *
   * @throws InvalidKeyException if the key is not usable with the algorithm (a caller's bug: keys
   *     are classified before this is called)
   */
  static boolean verifyRaw(TokenAlgorithm alg, PublicKey key, byte[] data, byte[] signature)
      throws InvalidKeyException {
    Signature verifier;
    try {
      verifier = JcaSignatures.newSignature(alg, Providers.BC);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Bouncy Castle lacks " + alg, e);
    }
    PublicKey usable;
    try {
      usable = CertificateKeys.forBouncyCastle(alg.keyType(), key);
    } catch (AlgorithmMismatchException e) {
      throw new InvalidKeyException(e.getMessage(), e);
    }
    verifier.initVerify(usable);
    try {
      verifier.update(data);
      return verifier.verify(signature);
    } catch (SignatureException e) {
      return false;
    } catch (RuntimeException e) {
      // A provider's decoder may throw unchecked exceptions on hostile bytes; the signature is
      // still just invalid, and must never surface as a server error.
      return false;
    }
  }
}
