package io.certgate.core.challenge;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One issued challenge.
 *
 * @param id the handle the client sends back ({@code challengeId}); random, not guessable
 * @param nonce the string the client signs, as issued (base64 of 32 random bytes)
 * @param purpose what it may be redeemed for
 * @param sessionId the HTTP session that requested it; another session cannot redeem it
 * @param targetUserId for {@link ChallengePurpose#BIND}, the user being bound; empty for login
 * @param expiresAt the first instant at which it is no longer accepted
 */
public record Challenge(
    String id,
    String nonce,
    ChallengePurpose purpose,
    String sessionId,
    Optional<String> targetUserId,
    Instant expiresAt) {

  public Challenge {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(targetUserId, "targetUserId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether the challenge is no longer accepted at {@code now} (expiry is exclusive). */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
