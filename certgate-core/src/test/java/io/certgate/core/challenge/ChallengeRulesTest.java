package io.certgate.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.core.CertGateException;
import io.certgate.core.ErrorCode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChallengeRulesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
  private final ChallengeGenerator generator =
      ChallengeGenerator.builder().random(new SecureRandom()).clock(clock).build();
  private final InMemoryChallengeStore store = InMemoryChallengeStore.create(clock);

  private ErrorCode codeOf(
      String id, String session, ChallengePurpose purpose, Optional<String> target) {
    try {
      ChallengeRules.redeem(store, id, session, purpose, target, clock);
      return null;
    } catch (CertGateException e) {
      return e.code();
    }
  }

  @Test
  void redeemsAFreshChallengeOfTheSameSessionAndPurpose() throws Exception {
    Challenge c = generator.login("s1");
    store.save(c);

    assertThat(
            ChallengeRules.redeem(
                store, c.id(), "s1", ChallengePurpose.LOGIN, Optional.empty(), clock))
        .isEqualTo(c);
  }

  @Test
  void usedChallengeIsUnknown() throws Exception {
    Challenge c = generator.login("s1");
    store.save(c);
    ChallengeRules.redeem(store, c.id(), "s1", ChallengePurpose.LOGIN, Optional.empty(), clock);

    assertThat(codeOf(c.id(), "s1", ChallengePurpose.LOGIN, Optional.empty()))
        .isEqualTo(ErrorCode.CHALLENGE_UNKNOWN);
  }

  @Test
  void neverIssuedChallengeIsUnknown() {
    assertThat(codeOf("nope", "s1", ChallengePurpose.LOGIN, Optional.empty()))
        .isEqualTo(ErrorCode.CHALLENGE_UNKNOWN);
  }

  @Test
  void challengeOfAnotherSessionIsUnknownAndConsumed() {
    Challenge c = generator.login("s1");
    store.save(c);

    assertThat(codeOf(c.id(), "attacker", ChallengePurpose.LOGIN, Optional.empty()))
        .isEqualTo(ErrorCode.CHALLENGE_UNKNOWN);
    assertThat(codeOf(c.id(), "s1", ChallengePurpose.LOGIN, Optional.empty()))
        .isEqualTo(ErrorCode.CHALLENGE_UNKNOWN);
  }

  @Test
  void challengeForAnotherPurposeIsUnknown() {
    Challenge c = generator.login("s1");
    store.save(c);

    assertThat(codeOf(c.id(), "s1", ChallengePurpose.BIND, Optional.of("u1")))
        .isEqualTo(ErrorCode.CHALLENGE_UNKNOWN);
  }

  @Test
  void bindChallengeForAnotherUserIsUnknown() {
    Challenge c = generator.bind("s1", "u1");
    store.save(c);

    assertThat(codeOf(c.id(), "s1", ChallengePurpose.BIND, Optional.of("u2")))
        .isEqualTo(ErrorCode.CHALLENGE_UNKNOWN);
  }

  @Test
  void challengeIsExpiredAtItsExpiryInstant() {
    Challenge c = generator.bind("s1", "u1");
    store.save(c);
    clock.advance(Duration.ofMinutes(5));

    assertThat(codeOf(c.id(), "s1", ChallengePurpose.BIND, Optional.of("u1")))
        .isEqualTo(ErrorCode.CHALLENGE_EXPIRED);
  }

  @Test
  void challengeIsAcceptedJustBeforeExpiry() {
    Challenge c = generator.login("s1");
    store.save(c);
    clock.advance(Duration.ofMinutes(5).minusMillis(1));

    assertThat(codeOf(c.id(), "s1", ChallengePurpose.LOGIN, Optional.empty())).isNull();
  }

  @Test
  void expiredChallengeOfAnotherSessionIsUnknownNotExpired() {
    Challenge c = generator.login("s1");
    store.save(c);
    clock.advance(Duration.ofMinutes(6));

    assertThat(codeOf(c.id(), "s2", ChallengePurpose.LOGIN, Optional.empty()))
        .isEqualTo(ErrorCode.CHALLENGE_UNKNOWN);
  }

  @Test
  void checkOfAnEmptyTakeIsUnknown() {
    assertThatThrownBy(
            () ->
                ChallengeRules.check(
                    Optional.empty(), "s", ChallengePurpose.LOGIN, Optional.empty(), clock))
        .extracting(e -> ((CertGateException) e).code())
        .isEqualTo(ErrorCode.CHALLENGE_UNKNOWN);
  }
}
