package io.certgate.core.challenge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A thread-safe, bounded {@link ChallengeStore} for a single node.
 *
 * <p>One lock guards an insertion-ordered map. Every operation is O(1) amortised and holds the lock
 * for well under a microsecond, so a lock is simpler than lock-free structures and makes take-once
 * atomic by construction.
 *
 * <p>Expired challenges stay a grace period (by default one more TTL) so a late client hears {@code
 * CHALLENGE_EXPIRED} rather than {@code CHALLENGE_UNKNOWN}; after that they are purged when new
 * challenges are saved. Since challenges share one TTL, insertion order is expiry order and the
 * purge only looks at the oldest entries. When the store is full, the oldest challenge is dropped:
 * memory stays bounded under a flood, and the flood's victim simply asks for a new challenge (the
 * server's rate limits are what stop the flood).
 */
public final class InMemoryChallengeStore implements ChallengeStore {
  /** Default bound: 100,000 challenges, about 30 MB at most. */
  public static final int DEFAULT_CAPACITY = 100_000;

  private final Clock clock;
  private final int capacity;
  private final Duration grace;
  private final LinkedHashMap<String, Challenge> challenges = new LinkedHashMap<>();

  private InMemoryChallengeStore(Clock clock, int capacity, Duration grace) {
    this.clock = clock;
    this.capacity = capacity;
    this.grace = grace;
  }

  /** A store with {@link #DEFAULT_CAPACITY} and a five-minute grace period after expiry. */
  public static InMemoryChallengeStore create(Clock clock) {
    return create(clock, DEFAULT_CAPACITY, ChallengeGenerator.DEFAULT_TTL);
  }

  /**
   * A store holding at most {@code capacity} challenges, keeping expired ones for {@code grace}.
   *
   * @throws IllegalArgumentException if capacity is not positive or grace is negative
   */
  public static InMemoryChallengeStore create(Clock clock, int capacity, Duration grace) {
    Objects.requireNonNull(clock, "clock");
    if (capacity < 1 || grace.isNegative()) {
      throw new IllegalArgumentException("capacity must be positive and grace not negative");
    }
    return new InMemoryChallengeStore(clock, capacity, grace);
  }

  @Override
  public void save(Challenge challenge) {
    Instant purgeBefore = clock.instant().minus(grace);
    synchronized (challenges) {
      purge(purgeBefore);
      if (challenges.size() >= capacity) {
        Iterator<String> oldest = challenges.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
      challenges.put(challenge.id(), challenge);
    }
  }

  @Override
  public Optional<Challenge> take(String id) {
    synchronized (challenges) {
      return Optional.ofNullable(challenges.remove(id));
    }
  }

  /** The number of challenges held, expired ones not yet purged included. */
  public int size() {
    synchronized (challenges) {
      return challenges.size();
    }
  }

  private void purge(Instant expiredBefore) {
    Iterator<Map.Entry<String, Challenge>> it = challenges.entrySet().iterator();
    while (it.hasNext() && it.next().getValue().expiresAt().isBefore(expiredBefore)) {
      it.remove();
    }
  }
}
