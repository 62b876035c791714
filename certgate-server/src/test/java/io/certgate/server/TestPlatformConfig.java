package io.certgate.server;

import io.certgate.server.login.CountingPasswordEncoder;
import io.certgate.server.login.RecordingCaptchaText;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The test doubles: a movable clock, captcha text the tests can read, and the production password
 * hashing with a count of its comparisons.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPlatformConfig {

  @Bean
  @Primary
  TestClock testClock() {
    return new TestClock();
  }

  @Bean
  @Primary
  RecordingCaptchaText recordingCaptchaText() {
    return new RecordingCaptchaText();
  }

  @Bean
  @Primary
  CountingPasswordEncoder countingPasswordEncoder() {
    return new CountingPasswordEncoder();
  }
}
