package io.certgate.server.login;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/** Four characters from an alphabet without look-alikes (no 0/O, 1/I/l, 2/Z, 5/S, 8/B). */
@Component
final class RandomCaptchaText implements CaptchaText {
  private static final String ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";

  private final SecureRandom random;

  RandomCaptchaText(SecureRandom random) {
    this.random = random;
  }

  @Override
  public String next() {
    char[] text = new char[4];
    for (int i = 0; i < text.length; i++) {
      text[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(text);
  }
}
