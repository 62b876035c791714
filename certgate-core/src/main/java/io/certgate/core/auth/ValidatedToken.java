package io.certgate.core.auth;

import io.certgate.core.cert.ValidatedCertificate;
import io.certgate.core.token.TokenAlgorithm;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * An auth token that passed DESIGN §8 steps 1–7. What remains for the server is step 8: region and
 * provider enabled for the user, then the binding lookup (login) or uniqueness (bind).
 *
 * @param validation the certificate's validation: path, provider, lock ID, fingerprint
 * @param algorithm the token's signature algorithm
 * @param agentVersion the client's version string, informational
 */
public record ValidatedToken(
    ValidatedCertificate validation, TokenAlgorithm algorithm, String agentVersion) {

  public ValidatedToken {
    Objects.requireNonNull(validation);
    Objects.requireNonNull(algorithm);
    Objects.requireNonNull(agentVersion);
  }

  /** The signer's certificate. */
  public X509Certificate certificate() {
    return validation.certificate();
  }

  /** The certification path, the signer's certificate first and the provider's root last. */
  public List<X509Certificate> path() {
    return validation.path();
  }

  /** The code of the provider whose roots the path reaches. */
  public String providerCode() {
    return validation.providerCode();
  }

  /** The lock ID (CA锁ID) by the provider's rule. */
  public String lockId() {
    return validation.lockId();
  }

  /** Lowercase hex SHA-256 of the signer's certificate. */
  public String fingerprint() {
    return validation.fingerprint();
  }
}
