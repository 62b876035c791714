package io.certgate.server.cluster;

import io.certgate.server.sms.SmsCodeStore;
import io.certgate.server.sms.SmsCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link SmsCodeStore} shared by all nodes: a hash (the code's keyed digest, deadline, tries) per
 * key, checked by one Lua script so two nodes cannot both accept a code or both spend the same try.
 * Redis never holds a code, only its HMAC under a key it does not have; the digests are compared
 * inside Redis, where timing says nothing useful (a digest, not the code) and tries are capped.
 */
final class RedisSmsCodeStore implements SmsCodeStore {
  static final String PREFIX = "certgate:sms:";

  /**
   * ARGV: the given code's digest, now (ms), max tries. Returns the {@link SmsCodes.Check} name.
   */
  private static final RedisScript<String> CHECK =
      RedisScript.of(
          "local v = redis.call('HMGET', KEYS[1], 'code', 'exp', 'tries')\n"
              + "if not v[1] then return 'NONE' end\n"
              + "if tonumber(ARGV[2]) >= tonumber(v[2]) then\n"
              + "  redis.call('DEL', KEYS[1]) return 'EXPIRED' end\n"
              + "if v[1] == ARGV[1] then redis.call('DEL', KEYS[1]) return 'ACCEPTED' end\n"
              + "if redis.call('HINCRBY', KEYS[1], 'tries', 1) >= tonumber(ARGV[3]) then\n"
              + "  redis.call('DEL', KEYS[1]) end\n"
              + "return 'WRONG'",
          String.class);

  /**
   * ARGV: the code's digest, deadline (ms), ttl (ms). A replaced code starts again with no tries
   * spent.
   */
  private static final RedisScript<Long> PUT =
      RedisScript.of(
          "redis.call('DEL', KEYS[1])\n"
              + "redis.call('HSET', KEYS[1], 'code', ARGV[1], 'exp', ARGV[2], 'tries', 0)\n"
              + "redis.call('PEXPIRE', KEYS[1], ARGV[3])\n"
              + "return 1",
          Long.class);

  private final StringRedisTemplate redis;
  private final Clock clock;

  RedisSmsCodeStore(StringRedisTemplate redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  @Override
  public void put(String key, String digest, Instant expiresAt) {
    Duration ttl = Duration.between(clock.instant(), expiresAt);
    if (ttl.isNegative() || ttl.isZero()) {
      return;
    }
    redis.execute(
        PUT,
        List.of(PREFIX + key),
        digest,
        Long.toString(expiresAt.toEpochMilli()),
        Long.toString(ttl.toMillis()));
  }

  @Override
  public SmsCodes.Check check(String key, String given, Instant now, int maxTries) {
    String result =
        redis.execute(
            CHECK,
            List.of(PREFIX + key),
            given,
            Long.toString(now.toEpochMilli()),
            Integer.toString(maxTries));
    return SmsCodes.Check.valueOf(result == null ? "NONE" : result);
  }
}
