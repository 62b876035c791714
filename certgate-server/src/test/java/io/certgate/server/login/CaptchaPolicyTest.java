package io.certgate.server.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CaptchaPolicyTest {
  @Test
  void parsesTheThreeSpellings() {
    assertThat(CaptchaPolicy.parse("always")).isEqualTo(CaptchaPolicy.ALWAYS);
    assertThat(CaptchaPolicy.parse("after-failures")).isEqualTo(CaptchaPolicy.AFTER_FAILURES);
    assertThat(CaptchaPolicy.parse(" OFF ")).isEqualTo(CaptchaPolicy.OFF);
    assertThat(CaptchaPolicy.AFTER_FAILURES.spelling()).isEqualTo("after-failures");
  }

  @Test
  void refusesAnythingElse() {
    assertThatThrownBy(() -> CaptchaPolicy.parse("sometimes"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
