package io.certgate.server.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing for the whole platform. */
@Configuration(proxyBeanMethods = false)
class AccountConfig {

  /**
   * Argon2id (Spring Security's 5.8 defaults: 16 MiB, 2 passes) through Bouncy Castle, which the
   * core module already brings. Memory-hard, so a stolen table is expensive to attack.
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  }
}
