package io.certgate.core.cert;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A certificate that passed DESIGN §8 steps 5–7.
 *
 * @param certificate the end certificate
 * @param path the certification path, the end certificate first and the provider's root last
 * @param provider the provider whose anchors the path reaches
 * @param lockId the lock ID (CA锁ID) read with the provider's rule
 * @param fingerprint lowercase hex SHA-256 of the certificate's DER encoding
 * @param revocation where the revocation status of each certificate on the path came from
 * @param validUntil until when this result may be reused: the earliest of the path's notAfter and
 *     the next revocation refresh
 * @param relaxed the provider's relaxed profile rules this path only passed because of (audited)
 */
public record ValidatedCertificate(
    X509Certificate certificate,
    List<X509Certificate> path,
    ProviderTrust provider,
    String lockId,
    String fingerprint,
    List<String> revocation,
    Instant validUntil,
    Set<ProfileRule> relaxed) {

  public ValidatedCertificate {
    Objects.requireNonNull(certificate);
    path = List.copyOf(path);
    Objects.requireNonNull(provider);
    Objects.requireNonNull(lockId);
    Objects.requireNonNull(fingerprint);
    revocation = List.copyOf(revocation);
    Objects.requireNonNull(validUntil);
    relaxed = Set.copyOf(relaxed);
  }

  /** The provider's code, the value bindings store. */
  public String providerCode() {
    return provider.code();
  }
}
