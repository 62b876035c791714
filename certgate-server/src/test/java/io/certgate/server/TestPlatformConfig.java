package io.certgate.server;

import io.certgate.server.login.RecordingCaptchaText;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The test doubles: a movable clock and captcha text the tests can read. */
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
}
