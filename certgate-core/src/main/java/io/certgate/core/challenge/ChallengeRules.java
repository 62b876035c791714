package io.certgate.core.challenge;

import io.certgate.core.ChallengeExpiredException;
import io.certgate.core.ChallengeUnknownException;
import java.time.Clock;
import java.util.Optional;

/**
 * Step 2 of DESIGN.md §8: takes a challenge from the store (consuming it, whatever the outcome) and
 * checks it belongs to this session, purpose and target user, and has not expired.
 *
 * <p>Every reason other than expiry is reported alike as {@code CHALLENGE_UNKNOWN}: a client learns
 * nothing about challenges of other sessions. Expiry is checked last, so an expired challenge of
 * another session is still "unknown". The challenge is consumed even when a check fails, so a
 * leaked id cannot be retried.
 */
public final class ChallengeRules {
  private ChallengeRules() {}

  /**
   * Takes and checks a challenge.
   *
   * @param targetUserId the user a bind is for (must equal the challenge's), empty for login
   * @return the redeemed challenge, whose nonce is what the token must sign
   */
  public static Challenge redeem(
      ChallengeStore store,
      String challengeId,
      String sessionId,
      ChallengePurpose purpose,
      Optional<String> targetUserId,
      Clock clock)
      throws ChallengeUnknownException, ChallengeExpiredException {
    return check(store.take(challengeId), sessionId, purpose, targetUserId, clock);
  }

  /**
   * Checks a challenge already taken from a store (for stores whose take is not a {@link
   * ChallengeStore}, e.g. a script on a shared cache).
   */
  public static Challenge check(
      Optional<Challenge> taken,
      String sessionId,
      ChallengePurpose purpose,
      Optional<String> targetUserId,
      Clock clock)
      throws ChallengeUnknownException, ChallengeExpiredException {
    Challenge challenge =
        taken.orElseThrow(() -> new ChallengeUnknownException("unknown or used challenge"));
    if (!challenge.sessionId().equals(sessionId)
        || challenge.purpose() != purpose
        || !challenge.targetUserId().equals(targetUserId)) {
      throw new ChallengeUnknownException("unknown or used challenge");
    }
    if (challenge.isExpiredAt(clock.instant())) {
      throw new ChallengeExpiredException("challenge expired");
    }
    return challenge;
  }
}
