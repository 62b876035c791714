package io.certgate.core.revocation;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one CA provider's certificates are checked for revocation (DESIGN §8 step 7). Immutable;
 * build with {@link #builder()}.
 *
 * @param mode which sources are asked
 * @param failure what an unestablished status means
 * @param crlUrls CRLs loaded and refreshed in the background ({@code http:}, {@code https:} or
 *     {@code file:} URIs, DER or PEM); a certificate's own distribution point is used when no
 *     configured CRL covers its issuer
 * @param ocspUrl the responder to ask; when empty, the certificate's authority information access
 * @param ocspResponderCertificate a locally trusted OCSP responder (RFC 6960 §4.2.2.2), besides the
 *     issuer and its delegates
 * @param timeout connect and response timeout of every CRL download and OCSP request
 * @param clockSkew tolerance when comparing OCSP thisUpdate and nextUpdate with the clock
 */
public record RevocationPolicy(
    Mode mode,
    Failure failure,
    List<URI> crlUrls,
    Optional<URI> ocspUrl,
    Optional<X509Certificate> ocspResponderCertificate,
    Duration timeout,
    Duration clockSkew) {

  /** Which sources establish the status. */
  public enum Mode {
    NONE,
    CRL,
    OCSP,
    /** OCSP first; a CRL when the responder cannot give an answer. */
    OCSP_THEN_CRL
  }

  /** What happens when no source can establish the status. */
  public enum Failure {
    /** Refuse with {@code REVOCATION_UNKNOWN}. */
    HARD,
    /** Accept the certificate. */
    SOFT
  }

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

  public RevocationPolicy {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(failure, "failure");
    crlUrls = List.copyOf(crlUrls);
    Objects.requireNonNull(ocspUrl, "ocspUrl");
    Objects.requireNonNull(ocspResponderCertificate, "ocspResponderCertificate");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (clockSkew.isNegative()) {
      throw new IllegalArgumentException("clock skew must not be negative");
    }
  }

  /** No revocation checking at all. */
  public static RevocationPolicy none() {
    return builder().mode(Mode.NONE).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link RevocationPolicy}; defaults: mode NONE, failure HARD, 3 s timeout, 5 min skew.
   */
  public static final class Builder {
    private Mode mode = Mode.NONE;
    private Failure failure = Failure.HARD;
    private final List<URI> crlUrls = new ArrayList<>();
    private Optional<URI> ocspUrl = Optional.empty();
    private Optional<X509Certificate> responder = Optional.empty();
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;

    private Builder() {}

    public Builder mode(Mode mode) {
      this.mode = mode;
      return this;
    }

    public Builder failure(Failure failure) {
      this.failure = failure;
      return this;
    }

    public Builder crlUrl(URI url) {
      crlUrls.add(url);
      return this;
    }

    public Builder crlUrls(List<URI> urls) {
      crlUrls.addAll(urls);
      return this;
    }

    public Builder ocspUrl(URI url) {
      this.ocspUrl = Optional.of(url);
      return this;
    }

    public Builder ocspResponderCertificate(X509Certificate certificate) {
      this.responder = Optional.of(certificate);
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

    /**
     * @throws IllegalArgumentException when a CRL URL is neither http(s) nor file, or the timeout
     *     is not positive
     */
    public RevocationPolicy build() {
      for (URI url : crlUrls) {
        String scheme = String.valueOf(url.getScheme()).toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
          throw new IllegalArgumentException("CRL URL must be http, https or file: " + url);
        }
      }
      return new RevocationPolicy(mode, failure, crlUrls, ocspUrl, responder, timeout, clockSkew);
    }
  }
}
