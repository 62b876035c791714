package io.certgate.server.login;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login limits, from {@code certgate.login.*} (and {@code CERTGATE_CAPTCHA} for the captcha).
 * Password failures hold back password login only; failed CA logins are counted per lock and client
 * address; neither touches the other login methods.
 *
 * @param maxFailures wrong passwords in a row that lock password login (5)
 * @param lockDuration how long that lock lasts (15 minutes)
 * @param ipAttempts login attempts (every method) allowed per client IP within {@code ipWindow}
 * @param ipWindow the window of the per-IP limit
 * @param ipFailuresForCaptcha with {@code after-failures}, failures from one IP that turn the
 *     captcha on for every account tried from it
 * @param caFailures failed CA logins of one lock from one client address, within {@code
 *     lockDuration}, after which that lock is refused from that address until the window passes
 */
@ConfigurationProperties("certgate.login")
record LoginRules(
    int maxFailures,
    Duration lockDuration,
    int ipAttempts,
    Duration ipWindow,
    int ipFailuresForCaptcha,
    int caFailures) {

  /** Wrong passwords that cost no delay; the next ones wait 1 s, 2 s, 4 s … before the lock. */
  static final int FREE_FAILURES = 2;

  LoginRules {
    maxFailures = maxFailures > 0 ? maxFailures : 5;
    lockDuration = lockDuration != null ? lockDuration : Duration.ofMinutes(15);
    ipAttempts = ipAttempts > 0 ? ipAttempts : 30;
    ipWindow = ipWindow != null ? ipWindow : Duration.ofMinutes(5);
    ipFailuresForCaptcha = ipFailuresForCaptcha > 0 ? ipFailuresForCaptcha : 3;
    caFailures = caFailures > 0 ? caFailures : 10;
  }

  /** How long password login waits after the {@code failures}-th wrong password in a row. */
  Duration holdAfter(int failures) {
    if (failures >= maxFailures) {
      return lockDuration;
    }
    if (failures <= FREE_FAILURES) {
      return Duration.ZERO;
    }
    Duration delay = Duration.ofSeconds(1L << Math.min(failures - FREE_FAILURES - 1, 20));
    return delay.compareTo(lockDuration) < 0 ? delay : lockDuration;
  }
}
