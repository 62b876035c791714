package io.certgate.server.cluster;

import io.certgate.core.challenge.ChallengeStore;
import io.lettuce.core.ClientOptions;
import java.time.Clock;
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
 * challenge store and the outage handling.
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
