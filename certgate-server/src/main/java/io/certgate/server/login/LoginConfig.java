package io.certgate.server.login;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the login limits, the captcha policy and the single node's account marks. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginRules.class)
class LoginConfig {

  /** Single node; cluster mode prefers its Redis marks. */
  @Bean
  AccountMarks inMemoryAccountMarks() {
    return new InMemoryAccountMarks();
  }

  @Bean
  CaptchaPolicy captchaPolicy(@Value("${certgate.captcha:always}") String policy) {
    return CaptchaPolicy.parse(policy);
  }
}
