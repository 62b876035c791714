package io.certgate.server.login;

import java.security.SecureRandom;

/**
 * Test-only captcha text: random like production, but remembers the last answer so a test can type
 * it, as a person reads the image. Exists only in test sources, so no deployed profile has it.
 */
public final class RecordingCaptchaText implements CaptchaText {
  private final RandomCaptchaText random = new RandomCaptchaText(new SecureRandom());
  private volatile String last = "";

  @Override
  public String next() {
    last = random.next();
    return last;
  }

  /** The answer of the most recently issued captcha. */
  public String last() {
    return last;
  }
}
