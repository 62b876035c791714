package io.certgate.server.login;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login limits, from {@code certgate.login.*} (and {@code CERTGATE_CAPTCHA} for the captcha).
 *
 * @param maxFailures failed password logins that lock an account (5)
 * @param lockDuration how long the lock lasts (15 minutes)
 * @param ipAttempts login attempts allowed per client IP within {@code ipWindow}
 * @param ipWindow the window of the per-IP limit
 * @param ipFailuresForCaptcha with {@code after-failures}, failures from one IP that turn the
 *     captcha on for every account tried from it
 */
@ConfigurationProperties("certgate.login")
record LoginRules(
    int maxFailures,
    Duration lockDuration,
    int ipAttempts,
    Duration ipWindow,
    int ipFailuresForCaptcha) {

  LoginRules {
    maxFailures = maxFailures > 0 ? maxFailures : 5;
    lockDuration = lockDuration != null ? lockDuration : Duration.ofMinutes(15);
    ipAttempts = ipAttempts > 0 ? ipAttempts : 30;
    ipWindow = ipWindow != null ? ipWindow : Duration.ofMinutes(5);
    ipFailuresForCaptcha = ipFailuresForCaptcha > 0 ? ipFailuresForCaptcha : 3;
  }
}
