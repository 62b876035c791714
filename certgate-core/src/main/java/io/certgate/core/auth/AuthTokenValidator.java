package io.certgate.core.auth;

import io.certgate.core.CertGateException;
import io.certgate.core.cert.CertificateValidator;
import io.certgate.core.cert.Purpose;
import io.certgate.core.token.WebOrigin;
import java.util.Objects;

/**
 * Validates an auth token (DESIGN §5) in the order of DESIGN §8:
 *
 * <ol>
 *   <li>size, JSON shape and format: {@code TOKEN_MALFORMED}, {@code UNSUPPORTED_FORMAT};
 *   <li>the caller's {@link ChallengeCheck}: {@code CHALLENGE_UNKNOWN}, {@code CHALLENGE_EXPIRED};
 *   <li>the certificate and chain decode, the algorithm fits the key: {@code CERT_MALFORMED},
 *       {@code ALGORITHM_MISMATCH};
 *   <li>the signature over {@code H(origin) ‖ H(nonce)}: {@code SIGNATURE_INVALID};
 *   <li>to 7. the {@link CertificateValidator}: purpose, validity, path, revocation; then the
 *       algorithm must be one the provider allows ({@code ALGORITHM_MISMATCH}).
 * </ol>
 *
 * Thread-safe.
 */
public interface AuthTokenValidator {

  /**
   * Validates one token, signed for the {@linkplain Builder#origin origin} this validator was built
   * with.
   *
   * @param tokenJson the token as received (at most 64 KiB)
   * @param challenge consumes the challenge and yields its nonce; called exactly once, only for a
   *     well-formed token
   * @throws CertGateException the subclass naming the first failed step
   */
  ValidatedToken validate(String tokenJson, ChallengeCheck challenge) throws CertGateException;

  static Builder builder() {
    return new Builder();
  }

  /** Configures an {@link AuthTokenValidator}. */
  final class Builder {
    private CertificateValidator certificates;
    private Purpose purpose = Purpose.LOGIN;
    private WebOrigin origin;

    private Builder() {}

    /**
     * The origin every token must be signed for (required): the relying party's own configured
     * origin, never one taken from a request.
     */
    public Builder origin(WebOrigin origin) {
      this.origin = Objects.requireNonNull(origin);
      return this;
    }

    /** The validator of steps 5–7 (required; the caller owns and closes it). */
    public Builder certificateValidator(CertificateValidator validator) {
      this.certificates = Objects.requireNonNull(validator);
      return this;
    }

    /** The purpose checked in step 5 (default {@link Purpose#LOGIN}). */
    public Builder purpose(Purpose purpose) {
      this.purpose = Objects.requireNonNull(purpose);
      return this;
    }

    /**
     * @throws IllegalArgumentException without a certificate validator or an origin
     */
    public AuthTokenValidator build() {
      if (certificates == null) {
        throw new IllegalArgumentException("a CertificateValidator is required");
      }
      if (origin == null) {
        throw new IllegalArgumentException("the origin tokens are signed for is required");
      }
      return new DefaultAuthTokenValidator(certificates, purpose, origin);
    }
  }
}
