package io.certgate.core.cert;

import io.certgate.core.CertGateException;
import io.certgate.core.CertMalformedException;
import io.certgate.core.revocation.CrlState;
import io.certgate.core.revocation.OcspFailure;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Checks a certificate against the configured CA providers, in the order of DESIGN §8:
 *
 * <ol>
 *   <li>purpose (step 5): {@code NOT_SIGNATURE_CERT}, unless {@link Purpose#ANY};
 *   <li>validity of the certificate at the clock (step 6): {@code CERT_EXPIRED}, {@code
 *       CERT_NOT_YET_VALID};
 *   <li>a path to the roots of the one provider the certificate belongs to (step 6, DESIGN §3),
 *       each certificate on it valid: {@code CERT_UNTRUSTED} (also when it would belong to two
 *       providers), or {@code PROVIDER_DISABLED} when its provider is disabled; then the lock ID by
 *       the provider's rule ({@code CERT_MALFORMED} when missing);
 *   <li>revocation of the certificate and its intermediates per the provider's policy (step 7):
 *       {@code CERT_REVOKED}, {@code REVOCATION_UNKNOWN}.
 * </ol>
 *
 * <p>Results of steps 6–7 are cached per fingerprint until the earliest of the path's expiry and
 * the next revocation refresh (a SOFT-accepted unknown status is never cached). Thread-safe. Close
 * it to stop the background CRL refreshes.
 */
public interface CertificateValidator extends AutoCloseable {

  /**
   * Validates {@code certificate}.
   *
   * @param chain further certificates that may help to build the path (e.g. the token's chain);
   *     they are never trusted by themselves
   * @throws CertGateException the subclass naming the first failed check
   */
  ValidatedCertificate validate(
      X509Certificate certificate, List<X509Certificate> chain, Purpose purpose)
      throws CertGateException;

  /**
   * Decodes a DER certificate (DESIGN §8 step 3). Bytes identical to those of a certificate whose
   * validation is still cached give that certificate back without parsing them again, which keeps a
   * repeated login's cost close to its signature verification.
   *
   * @throws CertMalformedException when the bytes are not exactly one X.509 certificate
   */
  X509Certificate decode(byte[] der) throws CertMalformedException;

  /**
   * Downloads every provider's CRLs again now and waits; a failed download keeps the CRL held.
   * Background refreshing makes this unnecessary for validation; it is for operators and tests.
   */
  void refreshCrls();

  /** The providers this validator knows, enabled or not. */
  List<ProviderTrust> providers();

  /**
   * The CRLs held per provider code (providers whose policy uses CRLs), for monitoring; see {@link
   * io.certgate.core.revocation.CrlStore#crls()}.
   */
  Map<String, List<CrlState>> crlStates();

  /** Stops background CRL refreshing. */
  @Override
  void close();

  static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link CertificateValidator}. */
  final class Builder {
    Clock clock = Clock.systemUTC();
    SecureRandom random;
    final List<ProviderTrust> providers = new ArrayList<>();
    int cacheSize = 10_000;
    BiConsumer<String, OcspFailure> onOcspFailure = (provider, failure) -> {};
    Optional<CertificateValidator> predecessor = Optional.empty();

    private Builder() {}

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Source of OCSP nonces (required). */
    public Builder secureRandom(SecureRandom random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    public Builder provider(ProviderTrust provider) {
      providers.add(Objects.requireNonNull(provider));
      return this;
    }

    public Builder providers(List<ProviderTrust> list) {
      list.forEach(this::provider);
      return this;
    }

    /**
     * Told the provider code and the reason each time an OCSP exchange establishes nothing
     * (metrics); called on the validating thread, it must return quickly.
     */
    public Builder onOcspFailure(BiConsumer<String, OcspFailure> listener) {
      this.onOcspFailure = Objects.requireNonNull(listener);
      return this;
    }

    /**
     * The validator this one replaces after a configuration change: each provider of the same code
     * starts from the CRLs the old one holds (see {@link
     * io.certgate.core.revocation.CrlStore.Builder#replacing}), so a CRL server failing during the
     * change cannot make a still-current CRL disappear. Nothing else is carried over.
     */
    public Builder replacing(CertificateValidator previous) {
      this.predecessor = Optional.of(previous);
      return this;
    }

    /** Most validated certificates kept (default 10,000; 0 disables the cache). */
    public Builder cacheSize(int cacheSize) {
      this.cacheSize = cacheSize;
      return this;
    }

    /**
     * Builds the validator and starts loading the providers' CRLs in the background.
     *
     * @throws IllegalArgumentException without a SecureRandom, with two providers of one code, with
     *     two providers that clash ({@link ProviderTrust#clashesWith}), or with a negative cache
     *     size
     */
    public CertificateValidator build() {
      if (random == null) {
        throw new IllegalArgumentException("a SecureRandom is required (OCSP nonces)");
      }
      if (providers.stream().map(ProviderTrust::code).distinct().count() != providers.size()) {
        throw new IllegalArgumentException("provider codes must be unique");
      }
      for (int i = 0; i < providers.size(); i++) {
        for (int j = i + 1; j < providers.size(); j++) {
          if (providers.get(i).clashesWith(providers.get(j))) {
            throw new IllegalArgumentException(
                "providers "
                    + providers.get(i).code()
                    + " and "
                    + providers.get(j).code()
                    + " list the same CA: a certificate could belong to both");
          }
        }
      }
      if (cacheSize < 0) {
        throw new IllegalArgumentException("cache size must not be negative");
      }
      return DefaultCertificateValidator.start(this);
    }
  }
}
