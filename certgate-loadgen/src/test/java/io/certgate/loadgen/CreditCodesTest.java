package io.certgate.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodesTest {
  @Test
  void checkCharacterMatchesAPublishedCode() {
    // 91350100M000100Y43 is the example code printed in GB 32100-2015 material; same rule
    String body = "91350100M000100Y4";
    assertThat(checkOf(body)).isEqualTo('3');
  }

  @Test
  void generatedCodesAreEighteenCharactersAndDistinct() {
    String a = CreditCodes.of("330000", 1);
    String b = CreditCodes.of("330000", 2);
    assertThat(a).hasSize(18).startsWith("91330000");
    assertThat(b).hasSize(18).isNotEqualTo(a);
    assertThat(a.charAt(17)).isEqualTo(checkOf(a.substring(0, 17)));
  }

  /** The check character computed independently of {@link CreditCodes}. */
  private static char checkOf(String first17) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < 17; i++) {
      sum += alphabet.indexOf(first17.charAt(i)) * weight;
      weight = weight * 3 % 31;
    }
    return alphabet.charAt((31 - sum % 31) % 31);
  }
}
