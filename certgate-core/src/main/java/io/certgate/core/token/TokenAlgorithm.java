package io.certgate.core.token;

import io.certgate.core.AlgorithmMismatchException;
import java.security.PublicKey;

/**
 * The signature algorithms of the token's {@code algorithm} field (DESIGN.md §5), each with the
 * hash {@code H} used to build the {@link SignedData} and the one key type it may be used with.
 */
public enum TokenAlgorithm {
  /** ECDSA on P-256 with SHA-256, DER signature. */
  ES256("SHA-256", KeyType.EC_P256),
  /** ECDSA on P-384 with SHA-384, DER signature. */
  ES384("SHA-384", KeyType.EC_P384),
  /** RSASSA-PKCS1-v1_5 with SHA-256. */
  RS256("SHA-256", KeyType.RSA),
  /** RSASSA-PSS with SHA-256, MGF1-SHA-256, salt 32 bytes, trailer 1. */
  PS256("SHA-256", KeyType.RSA),
  /** SM2 with SM3 (GB/T 32918, signer ID 1234567812345678), DER signature. */
  SM2SM3("SM3", KeyType.SM2);

  private final String hashAlgorithm;
  private final KeyType keyType;

  TokenAlgorithm(String hashAlgorithm, KeyType keyType) {
    this.hashAlgorithm = hashAlgorithm;
    this.keyType = keyType;
  }

  /** The JCA name of the hash {@code H}: {@code SHA-256}, {@code SHA-384} or {@code SM3}. */
  public String hashAlgorithm() {
    return hashAlgorithm;
  }

  /** The size in bytes of one {@code H} output; the signed data is twice this long. */
  public int hashLength() {
    return this == ES384 ? 48 : 32;
  }

  /**
   * The default algorithm for a key: P-256 → ES256, P-384 → ES384, RSA → RS256, SM2 → SM2SM3.
   *
   * @throws AlgorithmMismatchException for any other key (another curve, DSA, EdDSA…)
   */
  public static TokenAlgorithm forKey(PublicKey key) throws AlgorithmMismatchException {
    return switch (KeyType.of(key)) {
      case EC_P256 -> ES256;
      case EC_P384 -> ES384;
      case RSA -> RS256;
      case SM2 -> SM2SM3;
    };
  }

  /** Whether this algorithm may be used with the key (RSA ↔ RS256/PS256, a curve ↔ its own). */
  public boolean fits(PublicKey key) {
    try {
      return KeyType.of(key) == keyType;
    } catch (AlgorithmMismatchException e) {
      return false;
    }
  }

  KeyType keyType() {
    return keyType;
  }
}
