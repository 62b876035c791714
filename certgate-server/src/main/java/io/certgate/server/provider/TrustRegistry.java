package io.certgate.server.provider;

import io.certgate.core.CertGateException;
import io.certgate.core.auth.ChallengeCheck;
import io.certgate.core.auth.ValidatedToken;

/**
 * Validates auth tokens (DESIGN.md §8 steps 1–7) against the providers currently configured, for
 * the server's configured public origin. The configuration is rebuilt whenever a provider changes;
 * a validation in flight finishes on the configuration it started with.
 */
public interface TrustRegistry {

  /**
   * Validates a token.
   *
   * @param challenge the caller's session-bound, take-once challenge step
   * @throws CertGateException the subclass naming the first failed step
   */
  ValidatedToken validate(String tokenJson, ChallengeCheck challenge) throws CertGateException;

  /** Downloads every provider's CRLs again now (operators and tests). */
  void refreshCrls();
}
