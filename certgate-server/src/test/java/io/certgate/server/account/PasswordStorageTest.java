package io.certgate.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The platform's password encoder and rule on long and non-ASCII passwords (ASVS 2.1.3, 2.1.4). */
class PasswordStorageTest {
  private final PasswordEncoder encoder = new AccountConfig().passwordEncoder();

  @Test
  void aPasswordIsNeverTruncated() {
    String longest = "Aa1#" + "x".repeat(59) + "y"; // 64 characters, the most the rule allows
    assertThat(PasswordPolicy.violation("user", longest)).isEmpty();
    String hash = encoder.encode(longest);
    assertThat(encoder.matches(longest, hash)).isTrue();
    assertThat(encoder.matches(longest.substring(0, 63), hash)).isFalse();
    assertThat(encoder.matches(longest.substring(0, 63) + "z", hash)).isFalse();
  }

  @Test
  void anyPrintableUnicodeIsAllowedAndKept() {
    String chinese = "政采云Abc#2026密码";
    String emoji = "Pass😀word12";
    for (String p : new String[] {chinese, emoji, "with spaces Aa1 ok"}) {
      assertThat(PasswordPolicy.violation("user", p)).as(p).isEmpty();
      assertThat(encoder.matches(p, encoder.encode(p))).as(p).isTrue();
    }
    assertThat(encoder.matches("政采云Abc#2026密玛", encoder.encode(chinese))).isFalse();
  }
}
