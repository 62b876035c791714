package io.certgate.server.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Image captchas, their answers kept by a random id ({@link CaptchaAnswers}): valid for 3 minutes,
 * consumed by the first check whether it succeeds or not, so one image cannot be tried twice.
 */
@Component
class Captchas {
  static final Duration TTL = Duration.ofMinutes(3);

  private final CaptchaText text;
  private final SecureRandom random;
  private final Clock clock;
  private final CaptchaAnswers answers;

  Captchas(CaptchaText text, SecureRandom random, Clock clock, CaptchaAnswers answers) {
    this.text = text;
    this.random = random;
    this.clock = clock;
    this.answers = answers;
  }

  record Issued(String id, byte[] png) {}

  Issued create() {
    byte[] idBytes = new byte[18];
    random.nextBytes(idBytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes);
    String answer = text.next();
    answers.put(id, answer, clock.instant().plus(TTL));
    return new Issued(id, CaptchaImage.png(answer, random));
  }

  /** Whether the answer is right (case-insensitive); the captcha is gone afterwards either way. */
  boolean check(@Nullable String id, @Nullable String answer) {
    if (id == null || answer == null) {
      return false;
    }
    Optional<String> expected = answers.take(id);
    if (expected.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.get().getBytes(StandardCharsets.UTF_8),
        answer.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
  }
}
