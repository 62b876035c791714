package io.certgate.server.cluster;

import io.certgate.server.login.AccountMarks;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link AccountMarks} shared by all nodes: one key per changed account holding its latest session
 * version, raised (never lowered) by a script, so two changes committed close together leave the
 * higher mark whichever writes last. A key lives as long as a session may ({@code
 * certgate.session.max-age}): every session that logged in before the mark is over by then.
 */
final class RedisAccountMarks implements AccountMarks {
  static final String PREFIX = "certgate:account-version:";

  private static final RedisScript<Long> RAISE =
      RedisScript.of(
          """
          local current = tonumber(redis.call('GET', KEYS[1]) or '0')
          if tonumber(ARGV[1]) > current then
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          else
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
          end
          return 1
          """,
          Long.class);

  private final StringRedisTemplate redis;
  private final Duration keep;

  RedisAccountMarks(StringRedisTemplate redis, Duration keep) {
    this.redis = redis;
    this.keep = keep;
  }

  @Override
  public long latest(long userId) {
    String mark = redis.opsForValue().get(PREFIX + userId);
    return mark == null ? 0 : Long.parseLong(mark);
  }

  @Override
  public void raise(long userId, long version) {
    redis.execute(
        RAISE,
        List.of(PREFIX + userId),
        Long.toString(version),
        Long.toString(Math.max(keep.toMillis(), 1000)));
  }
}
