package io.certgate.server.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Image captchas held in memory by a random id: valid for 3 minutes, consumed by the first check
 * whether it succeeds or not, so one image cannot be tried twice.
 */
@Component
class Captchas {
  static final Duration TTL = Duration.ofMinutes(3);
  private static final int MAX_LIVE = 50_000;

  private final CaptchaText text;
  private final SecureRandom random;
  private final Clock clock;
  private final Map<String, Live> live = new ConcurrentHashMap<>();

  Captchas(CaptchaText text, SecureRandom random, Clock clock) {
    this.text = text;
    this.random = random;
    this.clock = clock;
  }

  record Issued(String id, byte[] png) {}

  private record Live(String answer, Instant expiresAt) {}

  Issued create() {
    Instant now = clock.instant();
    if (live.size() >= MAX_LIVE) {
      live.values().removeIf(c -> !c.expiresAt().isAfter(now));
    }
    byte[] idBytes = new byte[18];
    random.nextBytes(idBytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes);
    String answer = text.next();
    live.put(id, new Live(answer, now.plus(TTL)));
    return new Issued(id, CaptchaImage.png(answer, random));
  }

  /** Whether the answer is right (case-insensitive); the captcha is gone afterwards either way. */
  boolean check(@Nullable String id, @Nullable String answer) {
    if (id == null || answer == null) {
      return false;
    }
    Live captcha = live.remove(id);
    if (captcha == null || !clock.instant().isBefore(captcha.expiresAt())) {
      return false;
    }
    return MessageDigest.isEqual(
        captcha.answer().getBytes(StandardCharsets.UTF_8),
        answer.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
  }
}
