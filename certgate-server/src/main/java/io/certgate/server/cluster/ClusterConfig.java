package io.certgate.server.cluster;

import io.certgate.core.challenge.ChallengeStore;
import io.certgate.server.limit.RateLimiter;
import io.certgate.server.login.AccountMarks;
import io.certgate.server.login.CaptchaAnswers;
import io.certgate.server.sms.SmsCodeStore;
import io.lettuce.core.ClientOptions;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Cluster mode, when {@code certgate.redis-url} is set: Boot's Redis and Spring Session
 * auto-configurations run (see {@link ClusterMode}), keeping the session cookie's configured name,
 * and Spring Security's session id rotation at login works as on one node; this adds the shared
 * challenge store, rate limits, captcha answers, SMS codes and account marks, and the outage
 * handling.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${certgate.redis-url:}'.isBlank()")
class ClusterConfig {

  /** Preferred over the single-node store the challenge feature declares. */
  @Bean
  @Primary
  ChallengeStore redisChallengeStore(StringRedisTemplate redis, Clock clock) {
    return new RedisChallengeStore(redis, clock);
  }

  /** Limits hold across the nodes rather than per node. */
  @Bean
  @Primary
  RateLimiter redisRateLimiter(StringRedisTemplate redis, Clock clock) {
    return new RedisRateLimiter(redis, clock);
  }

  /** A captcha drawn by one node can be answered on another. */
  @Bean
  @Primary
  CaptchaAnswers redisCaptchaAnswers(StringRedisTemplate redis, Clock clock) {
    return new RedisCaptchaAnswers(redis, clock);
  }

  /** A change to an account made through one node is followed by open sessions on every node. */
  @Bean
  @Primary
  AccountMarks redisAccountMarks(
      StringRedisTemplate redis, @Value("${certgate.session.max-age:12h}") Duration maxAge) {
    return new RedisAccountMarks(redis, maxAge);
  }

  /**
   * An SMS code sent through one node can be entered on another: every node hashes codes with one
   * key (configured, or derived from the audit key they share; see SmsConfig).
   */
  @Bean
  @Primary
  SmsCodeStore redisSmsCodeStore(StringRedisTemplate redis, Clock clock) {
    return new RedisSmsCodeStore(redis, clock);
  }

  /**
   * While Redis is unreachable, fail each command at once (a 503) instead of queueing it until the
   * command timeout; Lettuce keeps reconnecting in the background.
   */
  @Bean
  LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
    return b -> b.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
  }

  /** Outermost, so a Redis failure inside Spring Session's own filter is caught too. */
  @Bean
  FilterRegistrationBean<RedisOutageFilter> redisOutageFilter() {
    FilterRegistrationBean<RedisOutageFilter> bean =
        new FilterRegistrationBean<>(new RedisOutageFilter());
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return bean;
  }
}
