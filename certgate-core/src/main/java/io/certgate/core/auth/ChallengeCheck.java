package io.certgate.core.auth;

import io.certgate.core.ChallengeExpiredException;
import io.certgate.core.ChallengeUnknownException;

/**
 * The caller's challenge step (DESIGN §8 step 2). {@link AuthTokenValidator} calls it once, after
 * the token's shape and format were checked and before any certificate or signature work, so that a
 * malformed token never consumes a challenge and a replayed one costs no cryptography.
 *
 * <p>The server implements it with its session-bound, atomic take-once: look the challenge up by
 * id, check it belongs to this session and purpose and has not expired, remove it, and return its
 * nonce.
 */
@FunctionalInterface
public interface ChallengeCheck {

  /**
   * Consumes the challenge and returns its nonce as issued.
   *
   * @throws ChallengeUnknownException unknown, already used, of another session or purpose
   * @throws ChallengeExpiredException past its expiry
   */
  String takeNonce() throws ChallengeUnknownException, ChallengeExpiredException;

  /** A check that always yields {@code nonce}: for the command-line checker and tests. */
  static ChallengeCheck fixed(String nonce) {
    return () -> nonce;
  }
}
