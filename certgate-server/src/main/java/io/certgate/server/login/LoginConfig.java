package io.certgate.server.login;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the login limits and the captcha policy. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginRules.class)
class LoginConfig {

  @Bean
  CaptchaPolicy captchaPolicy(@Value("${certgate.captcha:always}") String policy) {
    return CaptchaPolicy.parse(policy);
  }
}
