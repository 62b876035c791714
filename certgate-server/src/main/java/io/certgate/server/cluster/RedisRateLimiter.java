package io.certgate.server.cluster;

import io.certgate.server.limit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link RateLimiter} shared by all nodes: one sorted set of event times per key, each operation
 * one Lua script so concurrent nodes cannot both slip under a limit. Times come from the nodes'
 * clocks (kept in step by NTP), as in the single-node limiter. A key idles out of Redis a day after
 * its last event, the longest window in use.
 */
final class RedisRateLimiter implements RateLimiter {
  static final String PREFIX = "certgate:limit:";
  private static final long KEEP_MS = Duration.ofDays(1).toMillis();

  private static final String PRUNE = "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])\n";

  /** ARGV: oldest, max, now, member, keep. */
  private static final RedisScript<Long> ACQUIRE =
      RedisScript.of(
          PRUNE
              + "if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end\n"
              + "redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])\n"
              + "redis.call('PEXPIRE', KEYS[1], ARGV[5])\n"
              + "return 1",
          Long.class);

  /**
   * KEYS: the limits' keys; ARGV: now, member, then per key its oldest, max and keep. Checks every
   * key before it records under any, in one script, so it is all or nothing across nodes.
   */
  private static final RedisScript<Long> ACQUIRE_ALL =
      RedisScript.of(
          "for i = 1, #KEYS do\n"
              + "  local base = 2 + (i - 1) * 3\n"
              + "  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', ARGV[base + 1])\n"
              + "  if redis.call('ZCARD', KEYS[i]) >= tonumber(ARGV[base + 2]) then return 0 end\n"
              + "end\n"
              + "for i = 1, #KEYS do\n"
              + "  redis.call('ZADD', KEYS[i], ARGV[1], ARGV[2])\n"
              + "  redis.call('PEXPIRE', KEYS[i], ARGV[2 + (i - 1) * 3 + 3])\n"
              + "end\n"
              + "return 1",
          Long.class);

  /** ARGV: oldest. */
  private static final RedisScript<Long> COUNT =
      RedisScript.of(PRUNE + "return redis.call('ZCARD', KEYS[1])", Long.class);

  /** ARGV: now, member, keep. */
  private static final RedisScript<Long> RECORD =
      RedisScript.of(
          "redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])\n"
              + "redis.call('PEXPIRE', KEYS[1], ARGV[3])\n"
              + "return 1",
          Long.class);

  private final StringRedisTemplate redis;
  private final Clock clock;

  RedisRateLimiter(StringRedisTemplate redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  @Override
  public boolean tryAcquire(String key, int max, Duration window) {
    long now = clock.millis();
    Long ok =
        redis.execute(
            ACQUIRE,
            List.of(PREFIX + key),
            Long.toString(now - window.toMillis()),
            Integer.toString(max),
            Long.toString(now),
            member(now),
            Long.toString(KEEP_MS + window.toMillis()));
    return ok != null && ok == 1;
  }

  @Override
  public boolean tryAcquireAll(List<Limit> limits) {
    long now = clock.millis();
    List<String> keys = new ArrayList<>();
    List<String> args = new ArrayList<>(List.of(Long.toString(now), member(now)));
    for (Limit l : limits) {
      keys.add(PREFIX + l.key());
      args.add(Long.toString(now - l.window().toMillis()));
      args.add(Integer.toString(l.max()));
      args.add(Long.toString(KEEP_MS + l.window().toMillis()));
    }
    Long ok = redis.execute(ACQUIRE_ALL, keys, args.toArray());
    return ok != null && ok == 1;
  }

  @Override
  public boolean isExhausted(String key, int max, Duration window) {
    return count(key, window) >= max;
  }

  @Override
  public void record(String key) {
    long now = clock.millis();
    redis.execute(
        RECORD, List.of(PREFIX + key), Long.toString(now), member(now), Long.toString(KEEP_MS));
  }

  @Override
  public int count(String key, Duration window) {
    Long n =
        redis.execute(
            COUNT, List.of(PREFIX + key), Long.toString(clock.millis() - window.toMillis()));
    return n == null ? 0 : n.intValue();
  }

  // set members must differ even for events in the same millisecond
  private static String member(long now) {
    return now + ":" + UUID.randomUUID();
  }
}
