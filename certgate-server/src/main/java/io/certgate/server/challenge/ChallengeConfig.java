package io.certgate.server.challenge;

import io.certgate.core.challenge.ChallengeGenerator;
import io.certgate.core.challenge.ChallengeStore;
import io.certgate.core.challenge.InMemoryChallengeStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The challenge generator (TTL {@code certgate.ca.challenge-ttl}, five minutes by default) and the
 * single-node store; a shared store (Redis, for several nodes) replaces the latter by declaring its
 * own {@link ChallengeStore} bean.
 */
@Configuration(proxyBeanMethods = false)
class ChallengeConfig {

  @Bean
  ChallengeGenerator challengeGenerator(
      SecureRandom random, Clock clock, @Value("${certgate.ca.challenge-ttl:5m}") Duration ttl) {
    return ChallengeGenerator.builder().random(random).clock(clock).ttl(ttl).build();
  }

  @Bean
  @ConditionalOnMissingBean(ChallengeStore.class)
  ChallengeStore challengeStore(
      Clock clock, @Value("${certgate.ca.challenge-ttl:5m}") Duration ttl) {
    return InMemoryChallengeStore.create(clock, InMemoryChallengeStore.DEFAULT_CAPACITY, ttl);
  }
}
