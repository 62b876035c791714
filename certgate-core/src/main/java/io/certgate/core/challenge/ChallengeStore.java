package io.certgate.core.challenge;

import java.util.Optional;

/**
 * Where issued challenges wait to be redeemed. Implementations: {@link InMemoryChallengeStore} for
 * one node; a shared store (Redis) for several.
 */
public interface ChallengeStore {

  /** Stores a newly issued challenge; its id is fresh and random. */
  void save(Challenge challenge);

  /**
   * Removes and returns the challenge, atomically: of any number of concurrent calls with one id,
   * on any node, at most one gets it. An expired challenge may still be returned (so the caller can
   * report {@code CHALLENGE_EXPIRED}) until the store purges it.
   */
  Optional<Challenge> take(String id);
}
