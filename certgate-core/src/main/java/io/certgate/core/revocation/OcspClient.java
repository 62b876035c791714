package io.certgate.core.revocation;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Asks an OCSP responder (RFC 6960) over HTTP POST. Each request carries a fresh nonce that the
 * response must echo; the response must be signed by the issuer, by a delegate the issuer certified
 * with id-kp-OCSPSigning, or by the locally configured responder; thisUpdate and nextUpdate are
 * checked with a clock-skew allowance. Good and revoked answers are cached (bounded, least recently
 * used evicted) until their nextUpdate.
 *
 * <p>A responder that timed out is not asked again for {@link Builder#holdDown} (nothing is
 * established meanwhile), so a slow responder costs one timeout per hold-down rather than one per
 * validation, and cannot tie up every thread that validates.
 */
public interface OcspClient extends RevocationSource {

  static Builder builder() {
    return new Builder();
  }

  /** Configures an {@link OcspClient}. */
  final class Builder {
    Clock clock = Clock.systemUTC();
    SecureRandom random;
    Optional<URI> responderUrl = Optional.empty();
    Optional<X509Certificate> trustedResponder = Optional.empty();
    Duration timeout = RevocationPolicy.DEFAULT_TIMEOUT;
    Duration clockSkew = RevocationPolicy.DEFAULT_CLOCK_SKEW;
    int cacheSize = 10_000;
    Optional<HttpClient> httpClient = Optional.empty();
    Duration holdDown = Duration.ofSeconds(5);
    Consumer<OcspFailure> onFailure = failure -> {};

    private Builder() {}

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Source of request nonces (required). */
    public Builder secureRandom(SecureRandom random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    /** The responder to ask; when unset, each certificate's authority information access. */
    public Builder responderUrl(Optional<URI> url) {
      this.responderUrl = Objects.requireNonNull(url);
      return this;
    }

    /** A responder certificate trusted directly (RFC 6960 §4.2.2.2, first case). */
    public Builder trustedResponder(Optional<X509Certificate> certificate) {
      this.trustedResponder = Objects.requireNonNull(certificate);
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder clockSkew(Duration clockSkew) {
      this.clockSkew = clockSkew;
      return this;
    }

    /** Most responses kept (default 10,000). */
    public Builder cacheSize(int cacheSize) {
      this.cacheSize = cacheSize;
      return this;
    }

    /**
     * After a timeout, how long the responder is left alone (default 5 s; zero asks every time).
     * Measured in elapsed time, not on the validation clock.
     */
    public Builder holdDown(Duration holdDown) {
      this.holdDown = Objects.requireNonNull(holdDown);
      return this;
    }

    /**
     * Told, on the validating thread, each time an exchange establishes nothing (metrics, alerts);
     * it must return quickly and its exceptions are ignored.
     */
    public Builder onFailure(Consumer<OcspFailure> listener) {
      this.onFailure = Objects.requireNonNull(listener);
      return this;
    }

    public Builder httpClient(HttpClient client) {
      this.httpClient = Optional.of(client);
      return this;
    }

    /**
     * @throws IllegalArgumentException without a SecureRandom or with a non-positive setting
     */
    public OcspClient build() {
      if (random == null) {
        throw new IllegalArgumentException("a SecureRandom is required for nonces");
      }
      if (timeout.isNegative()
          || timeout.isZero()
          || clockSkew.isNegative()
          || holdDown.isNegative()
          || cacheSize < 1) {
        throw new IllegalArgumentException("timeout and cache size must be positive");
      }
      return new HttpOcspClient(this);
    }
  }
}
