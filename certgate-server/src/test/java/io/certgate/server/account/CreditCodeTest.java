package io.certgate.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {
  @Test
  void acceptsCodesWithTheRightCheckCharacter() {
    assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
    assertThat(CreditCode.isValid("91339900MA2B7C4D5E")).isTrue();
  }

  @Test
  void refusesAWrongCheckCharacterLengthOrAlphabet() {
    assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
    assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
    assertThat(CreditCode.isValid("91350100M00O100Y43")).isFalse();
    assertThat(CreditCode.isValid("913501A0M000100Y43")).isFalse();
  }
}
