package io.certgate.server.login;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the answers of issued image captchas wait, by captcha id. In memory on one node; in Redis
 * in cluster mode, so the captcha drawn by one node can be answered on another.
 */
public interface CaptchaAnswers {

  /** Keeps the answer until {@code expiresAt}. */
  void put(String id, String answer, Instant expiresAt);

  /** Removes and returns the answer; empty when unknown, already taken or expired. */
  Optional<String> take(String id);
}
