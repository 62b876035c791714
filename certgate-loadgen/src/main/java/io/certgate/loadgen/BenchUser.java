package io.certgate.loadgen;

import io.certgate.core.token.TokenAlgorithm;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A seeded user whose binding holds a real certificate of a test provider, with the private key the
 * load generator signs login tokens with.
 *
 * @param userId the account the certificate is bound to
 * @param username its username
 * @param providerCode the provider that issued the certificate
 * @param algorithm the token algorithm of the key
 * @param lockId the lock ID (the certificate's lock-ID extension)
 * @param certificate the signature certificate
 * @param privateKey its key; never logged
 */
public record BenchUser(
    long userId,
    String username,
    String providerCode,
    TokenAlgorithm algorithm,
    String lockId,
    X509Certificate certificate,
    PrivateKey privateKey) {

  @Override
  public String toString() {
    // never print the private key
    return "BenchUser[" + username + ", " + algorithm + ", " + lockId + "]";
  }
}
