package io.certgate.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChallengeGeneratorTest {
  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void nonceIsBase64OfThirtyTwoBytesFromTheInjectedRandom() {
    SecureRandom zeros =
        new SecureRandom() {
          @Override
          public void nextBytes(byte[] bytes) {
            java.util.Arrays.fill(bytes, (byte) 0x5a);
          }
        };
    Challenge c = ChallengeGenerator.builder().random(zeros).clock(clock).build().login("s1");

    assertThat(c.nonce()).hasSize(44);
    assertThat(Base64.getDecoder().decode(c.nonce())).hasSize(32).containsOnly(0x5a);
    assertThat(c.id()).hasSize(22);
  }

  @Test
  void expiresAfterTheDefaultFiveMinutesOnTheInjectedClock() {
    Challenge c =
        ChallengeGenerator.builder().random(new SecureRandom()).clock(clock).build().login("s1");

    assertThat(c.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    assertThat(c.purpose()).isEqualTo(ChallengePurpose.LOGIN);
    assertThat(c.sessionId()).isEqualTo("s1");
    assertThat(c.targetUserId()).isEmpty();
  }

  @Test
  void honoursAConfiguredTtlAndBindTarget() {
    Challenge c =
        ChallengeGenerator.builder()
            .random(new SecureRandom())
            .clock(clock)
            .ttl(Duration.ofSeconds(90))
            .build()
            .bind("s2", "user-7");

    assertThat(c.expiresAt()).isEqualTo(NOW.plusSeconds(90));
    assertThat(c.purpose()).isEqualTo(ChallengePurpose.BIND);
    assertThat(c.targetUserId()).contains("user-7");
  }

  @Test
  void idsAndNoncesAreUnique() {
    ChallengeGenerator g =
        ChallengeGenerator.builder().random(new SecureRandom()).clock(clock).build();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      Challenge c = g.login("s");
      assertThat(seen.add(c.id())).isTrue();
      assertThat(seen.add(c.nonce())).isTrue();
    }
  }

  @Test
  void buildRefusesMissingRandomOrClockOrAbsurdTtl() {
    assertThatThrownBy(() -> ChallengeGenerator.builder().clock(clock).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ChallengeGenerator.builder().random(new SecureRandom()).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                ChallengeGenerator.builder()
                    .random(new SecureRandom())
                    .clock(clock)
                    .ttl(Duration.ZERO)
                    .build())
        .isInstanceOf(IllegalStateException.class);
  }
}
