package io.certgate.server.cluster;

import io.certgate.server.login.CaptchaAnswers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@link CaptchaAnswers} shared by all nodes: the answer with its deadline under a Redis key that
 * expires with it; {@code GETDEL} makes a captcha answerable once, on whichever node.
 */
final class RedisCaptchaAnswers implements CaptchaAnswers {
  static final String PREFIX = "certgate:captcha:";

  private final StringRedisTemplate redis;
  private final Clock clock;

  RedisCaptchaAnswers(StringRedisTemplate redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  @Override
  public void put(String id, String answer, Instant expiresAt) {
    Duration ttl = Duration.between(clock.instant(), expiresAt);
    if (ttl.isNegative() || ttl.isZero()) {
      return;
    }
    redis.opsForValue().set(PREFIX + id, expiresAt.toEpochMilli() + "\n" + answer, ttl);
  }

  @Override
  public Optional<String> take(String id) {
    String value = redis.opsForValue().getAndDelete(PREFIX + id);
    if (value == null) {
      return Optional.empty();
    }
    int cut = value.indexOf('\n');
    Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(value.substring(0, cut)));
    return clock.instant().isBefore(expiresAt)
        ? Optional.of(value.substring(cut + 1))
        : Optional.empty();
  }
}
