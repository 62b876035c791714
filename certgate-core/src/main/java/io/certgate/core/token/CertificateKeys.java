package io.certgate.core.token;

import io.certgate.core.AlgorithmMismatchException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classified, Bouncy-Castle-ready public key of a certificate, kept in a small LRU cache keyed
 * by the certificate itself ({@link X509Certificate#equals} compares the full DER encoding, and
 * both the JDK and Bouncy Castle cache the hash code).
 *
 * <p>Why a cache: {@code X509Certificate.getPublicKey()} decodes a new key object on every call in
 * Bouncy Castle, and a new EC key loses the precomputed multiples of its point that make repeated
 * verification with one key about twice as fast. Logins repeat the same few thousand certificates,
 * so keeping their keys makes warm verification cost what a bare {@code Signature.verify} costs.
 * Keying by the whole certificate means two certificates share an entry only if they are identical.
 */
final class CertificateKeys {
  /** A key, classified once. */
  record CertificateKey(PublicKey key, KeyType type) {}

  private static final int CAPACITY = 4096;

  private static final Map<X509Certificate, CertificateKey> CACHE =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<X509Certificate, CertificateKey> eldest) {
          return size() > CAPACITY;
        }
      };

  private CertificateKeys() {}

  static CertificateKey of(X509Certificate certificate) throws AlgorithmMismatchException {
    synchronized (CACHE) {
      CertificateKey cached = CACHE.get(certificate);
      if (cached != null) {
        return cached;
      }
    }
    CertificateKey loaded = load(certificate.getPublicKey());
    synchronized (CACHE) {
      CACHE.put(certificate, loaded);
    }
    return loaded;
  }

  private static CertificateKey load(PublicKey key) throws AlgorithmMismatchException {
    KeyType type = KeyType.of(key);
    return new CertificateKey(forBouncyCastle(type, key), type);
  }

  /**
   * Bouncy Castle converts foreign EC keys on every init, and the JDK cannot read SM2 keys at all;
   * re-reading the encoding once gives Bouncy Castle a key of its own.
   */
  static PublicKey forBouncyCastle(KeyType type, PublicKey key) throws AlgorithmMismatchException {
    if (type == KeyType.RSA || key instanceof org.bouncycastle.jce.interfaces.ECKey) {
      return key;
    }
    try {
      return KeyFactory.getInstance("EC", Providers.BC)
          .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new AlgorithmMismatchException("unreadable EC public key", e);
    }
  }
}
