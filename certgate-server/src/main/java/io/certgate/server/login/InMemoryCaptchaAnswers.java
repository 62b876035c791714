package io.certgate.server.login;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The single-node {@link CaptchaAnswers}: a map swept of expired answers when it grows large. */
@Component
final class InMemoryCaptchaAnswers implements CaptchaAnswers {
  private static final int MAX_LIVE = 50_000;

  private final Clock clock;
  private final Map<String, Live> live = new ConcurrentHashMap<>();

  InMemoryCaptchaAnswers(Clock clock) {
    this.clock = clock;
  }

  private record Live(String answer, Instant expiresAt) {}

  @Override
  public void put(String id, String answer, Instant expiresAt) {
    if (live.size() >= MAX_LIVE) {
      Instant now = clock.instant();
      live.values().removeIf(c -> !c.expiresAt().isAfter(now));
    }
    live.put(id, new Live(answer, expiresAt));
  }

  @Override
  public Optional<String> take(String id) {
    Live captcha = live.remove(id);
    if (captcha == null || !clock.instant().isBefore(captcha.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(captcha.answer());
  }
}
