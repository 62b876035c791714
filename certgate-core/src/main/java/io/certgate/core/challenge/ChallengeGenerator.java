package io.certgate.core.challenge;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Issues challenges: a 32-byte nonce from the injected {@link SecureRandom} (base64, 44 chars), a
 * separate 16-byte id (base64url, 22 chars), and an expiry of now + TTL on the injected {@link
 * Clock}. The id and the nonce are independent so that knowing one (the id appears in URLs and
 * logs) says nothing about the other.
 */
public final class ChallengeGenerator {
  /** DESIGN.md §6: five minutes unless configured. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

  private static final int NONCE_BYTES = 32;
  private static final int ID_BYTES = 16;

  private final SecureRandom random;
  private final Clock clock;
  private final Duration ttl;

  private ChallengeGenerator(SecureRandom random, Clock clock, Duration ttl) {
    this.random = random;
    this.clock = clock;
    this.ttl = ttl;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A login challenge for the session. */
  public Challenge login(String sessionId) {
    return issue(ChallengePurpose.LOGIN, sessionId, Optional.empty());
  }

  /** A bind challenge for the session, redeemable only for binding to {@code targetUserId}. */
  public Challenge bind(String sessionId, String targetUserId) {
    return issue(ChallengePurpose.BIND, sessionId, Optional.of(targetUserId));
  }

  private Challenge issue(
      ChallengePurpose purpose, String sessionId, Optional<String> targetUserId) {
    Objects.requireNonNull(sessionId, "sessionId");
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(ID_BYTES));
    String nonce = Base64.getEncoder().encodeToString(bytes(NONCE_BYTES));
    return new Challenge(id, nonce, purpose, sessionId, targetUserId, clock.instant().plus(ttl));
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  /** Configures a generator; the random source and clock are required, the TTL defaults. */
  public static final class Builder {
    private @Nullable SecureRandom random;
    private @Nullable Clock clock;
    private Duration ttl = DEFAULT_TTL;

    private Builder() {}

    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder ttl(Duration ttl) {
      this.ttl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * @throws IllegalStateException if the random source or clock is missing, or the TTL is not
     *     between one second and one hour
     */
    public ChallengeGenerator build() {
      if (random == null || clock == null) {
        throw new IllegalStateException("a SecureRandom and a Clock are required");
      }
      if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalStateException("challenge TTL must be between 1 s and 1 h");
      }
      return new ChallengeGenerator(random, clock, ttl);
    }
  }
}
