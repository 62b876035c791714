package io.certgate.server.login;

import java.util.Locale;

/** When the image captcha is required (DESIGN.md §9), set by {@code CERTGATE_CAPTCHA}. */
public enum CaptchaPolicy {
  /** Every password login and every SMS request. The default. */
  ALWAYS,
  /** Only after failed logins from the account or the client IP. */
  AFTER_FAILURES,
  /** Never (tests, or a platform with another bot defence in front). */
  OFF;

  /** Parses {@code always | after-failures | off}. */
  public static CaptchaPolicy parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "always" -> ALWAYS;
      case "after-failures" -> AFTER_FAILURES;
      case "off" -> OFF;
      default ->
          throw new IllegalArgumentException(
              "CERTGATE_CAPTCHA must be always, after-failures or off, not: " + text);
    };
  }

  /** The configuration spelling. */
  public String spelling() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
