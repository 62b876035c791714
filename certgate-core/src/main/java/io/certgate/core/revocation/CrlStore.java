package io.certgate.core.revocation;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * CRLs kept current in the background: each configured CRL is downloaded (or read from a file), its
 * signature checked once against one of the known CA certificates, indexed, and downloaded again
 * before its nextUpdate. A {@link #status} lookup only reads the index: once the store is warm
 * nothing is fetched or parsed on a validation's path.
 *
 * <p>A CRL past its nextUpdate establishes nothing (the lookup is empty). A failed or garbage
 * download leaves the previous CRL in place (until its own nextUpdate) and is retried.
 *
 * <p>When no configured CRL covers an issuer, the certificate's HTTP distribution point is
 * registered and loaded once on the caller's thread (bounded by {@link Builder#coldWait}), then
 * refreshed in the background like the others.
 *
 * <p>A lookup answers only from CRLs that cover the certificate (RFC 5280 §6.3.3, see {@code
 * CrlCoverage}); with none, it is empty (unknown), never "good". The {@code issuer} given to {@link
 * #status} must come from a validated path: it is remembered as a possible CRL signer (an
 * intermediate the configuration does not list), and CRLs no known CA could verify so far are
 * loaded again once.
 */
public interface CrlStore extends RevocationSource, AutoCloseable {

  /**
   * Downloads every registered CRL again now and waits for the result; a failure keeps the old CRL.
   * For operators and tests; validation never needs it.
   */
  void refreshNow();

  /**
   * A number that grows each time a CRL is installed (first load or refresh). Results derived from
   * an older generation may be stale: a refresh installs the new CRL before the old one's
   * nextUpdate, so a certificate revoked in between must not keep passing from a cache.
   */
  long generation();

  /**
   * What is held for each CRL URL (configured or discovered), for monitoring: a CRL past its
   * nextUpdate is still reported, with that nextUpdate, although lookups no longer rely on it.
   */
  List<CrlState> crls();

  /** Stops background refreshing (and the scheduler, when the store created its own). */
  @Override
  void close();

  static Builder builder() {
    return new Builder();
  }

  /**
   * Configures a {@link CrlStore}; {@link #build()} starts the first downloads in the background.
   */
  final class Builder {
    Clock clock = Clock.systemUTC();
    final List<X509Certificate> issuers = new ArrayList<>();
    final List<URI> urls = new ArrayList<>();
    Duration timeout = RevocationPolicy.DEFAULT_TIMEOUT;
    Duration coldWait = Duration.ofSeconds(10);
    Duration downloadLimit = Duration.ofMinutes(2);
    Duration refreshMargin = Duration.ofMinutes(10);
    Duration retryDelay = Duration.ofSeconds(30);
    long maxBytes = 256L << 20;
    boolean followDistributionPoints = true;
    Optional<HttpClient> httpClient = Optional.empty();
    Optional<ScheduledExecutorService> scheduler = Optional.empty();
    Optional<CrlStore> predecessor = Optional.empty();

    private Builder() {}

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** CA certificates whose CRLs this store accepts (each CRL must verify against one). */
    public Builder issuers(List<X509Certificate> certificates) {
      issuers.addAll(certificates);
      return this;
    }

    public Builder crlUrls(List<URI> crlUrls) {
      urls.addAll(crlUrls);
      return this;
    }

    /** Connect and response timeout of each download (default 3 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * Longest a whole download may take (default 2 min): the timeout bounds each wait for the
     * server, this the transfer, so a server stalling mid-CRL cannot hold the refresh thread.
     */
    public Builder downloadLimit(Duration downloadLimit) {
      this.downloadLimit = downloadLimit;
      return this;
    }

    /** How long a lookup may wait for a CRL that is still loading the first time (default 10 s). */
    public Builder coldWait(Duration coldWait) {
      this.coldWait = coldWait;
      return this;
    }

    /** How long before nextUpdate a CRL is downloaded again (default 10 min). */
    public Builder refreshMargin(Duration refreshMargin) {
      this.refreshMargin = refreshMargin;
      return this;
    }

    /** Delay before retrying a failed download (default 30 s). */
    public Builder retryDelay(Duration retryDelay) {
      this.retryDelay = retryDelay;
      return this;
    }

    /** Largest accepted CRL in bytes (default 256 MiB). */
    public Builder maxBytes(long maxBytes) {
      this.maxBytes = maxBytes;
      return this;
    }

    /** Whether certificates' own CRL distribution points are followed (default true). */
    public Builder followDistributionPoints(boolean follow) {
      this.followDistributionPoints = follow;
      return this;
    }

    public Builder httpClient(HttpClient client) {
      this.httpClient = Optional.of(client);
      return this;
    }

    /**
     * A store this one replaces (e.g. after a configuration change): the CRLs it holds for URLs
     * this store is also configured with are used until this store's own downloads replace them, so
     * a CRL server failing at that moment does not lose a CRL that is still current. They were
     * signature-checked when downloaded; lookups still match them to the issuer's key.
     */
    public Builder replacing(CrlStore previous) {
      this.predecessor = Optional.of(previous);
      return this;
    }

    /** A scheduler to refresh on; by default the store runs its own daemon thread. */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Optional.of(scheduler);
      return this;
    }

    /**
     * @throws IllegalArgumentException when an issuer is not a CA certificate or a duration is not
     *     positive
     */
    public CrlStore build() {
      for (X509Certificate issuer : issuers) {
        if (issuer.getBasicConstraints() < 0) {
          throw new IllegalArgumentException(
              "not a CA certificate: " + issuer.getSubjectX500Principal());
        }
      }
      for (Duration d : List.of(timeout, coldWait, retryDelay, downloadLimit)) {
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("durations must be positive");
        }
      }
      if (refreshMargin.isNegative()) {
        throw new IllegalArgumentException("refresh margin must not be negative");
      }
      return BackgroundCrlStore.start(this);
    }
  }
}
