package io.certgate.server.cluster;

import io.certgate.core.challenge.Challenge;
import io.certgate.core.challenge.ChallengePurpose;
import io.certgate.core.challenge.ChallengeStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Challenges shared by all nodes. {@link #take} is Redis {@code GETDEL}: one command, so of any
 * number of concurrent takes on any nodes exactly one sees the value. Keys outlive the challenge by
 * a minute so a late redemption still reads as expired rather than unknown; Redis then purges them.
 */
final class RedisChallengeStore implements ChallengeStore {
  static final String PREFIX = "certgate:challenge:";
  private static final Duration GRACE = Duration.ofMinutes(1);

  private final StringRedisTemplate redis;
  private final Clock clock;

  RedisChallengeStore(StringRedisTemplate redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  @Override
  public void save(Challenge c) {
    Duration ttl = Duration.between(clock.instant(), c.expiresAt()).plus(GRACE);
    redis.opsForValue().set(PREFIX + c.id(), encode(c), ttl.isNegative() ? GRACE : ttl);
  }

  @Override
  public Optional<Challenge> take(String id) {
    return Optional.ofNullable(redis.opsForValue().getAndDelete(PREFIX + id))
        .map(v -> decode(id, v));
  }

  // none of the fields can hold a newline: base64 nonce and key, enum name, digits
  static String encode(Challenge c) {
    return String.join(
        "\n",
        c.nonce(),
        c.purpose().name(),
        c.sessionId(),
        c.targetUserId().orElse(""),
        Long.toString(c.expiresAt().toEpochMilli()));
  }

  static Challenge decode(String id, String value) {
    String[] f = value.split("\n", -1);
    return new Challenge(
        id,
        f[0],
        ChallengePurpose.valueOf(f[1]),
        f[2],
        f[3].isEmpty() ? Optional.empty() : Optional.of(f[3]),
        Instant.ofEpochMilli(Long.parseLong(f[4])));
  }
}
