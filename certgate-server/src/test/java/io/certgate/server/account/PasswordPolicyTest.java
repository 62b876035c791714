package io.certgate.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  @Test
  void acceptsThreeClassesOfEightOrMore() {
    assertThat(PasswordPolicy.violation("meili", "Good#Pass2026")).isEmpty();
    assertThat(PasswordPolicy.violation("meili", "abcdEFG1")).isEmpty();
  }

  @Test
  void refusesShortSimpleOrUsernameBearingPasswords() {
    assertThat(PasswordPolicy.violation("meili", "Ab#1")).isPresent();
    assertThat(PasswordPolicy.violation("meili", "abcdefgh1")).isPresent();
    assertThat(PasswordPolicy.violation("meili", "Meili#2026x")).isPresent();
  }
}
