package io.certgate.server.login;

import io.certgate.core.ErrorCode;
import io.certgate.server.account.User;
import io.certgate.server.account.UserStatus;
import io.certgate.server.account.Users;
import io.certgate.server.api.ApiException;
import io.certgate.server.api.ErrorCodes;
import io.certgate.server.limit.RateLimiter;
import io.certgate.server.sms.SmsCodes;
import io.certgate.server.sms.SmsPurpose;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The checks of a login, in order: per-IP rate limit, captcha (per policy), account exists,
 * disabled, locked, secret. Every refusal is published as {@link LoginFailed} with its code before
 * it is thrown, so the audit log sees each one.
 */
@Service
class LoginService {
  private final Users users;
  private final Captchas captchas;
  private final CaptchaPolicy policy;
  private final SmsCodes smsCodes;
  private final RateLimiter limits;
  private final LoginRules rules;
  private final PasswordEncoder encoder;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  /** Compared against when the account does not exist, so timing does not reveal which exist. */
  private final String decoyHash;

  LoginService(
      Users users,
      Captchas captchas,
      CaptchaPolicy policy,
      SmsCodes smsCodes,
      RateLimiter limits,
      LoginRules rules,
      PasswordEncoder encoder,
      ApplicationEventPublisher events,
      Clock clock) {
    this.users = users;
    this.captchas = captchas;
    this.policy = policy;
    this.smsCodes = smsCodes;
    this.limits = limits;
    this.rules = rules;
    this.encoder = encoder;
    this.events = events;
    this.clock = clock;
    this.decoyHash = encoder.encode(UUID.randomUUID().toString());
  }

  User password(
      String login,
      String password,
      @Nullable String captchaId,
      @Nullable String captcha,
      String ip) {
    throttle(login, "PASSWORD", ip);
    Optional<User> found = users.findByLogin(login);
    if (captchaRequired(found, ip) && !captchas.check(captchaId, captcha)) {
      throw fail(login, "PASSWORD", ErrorCode.CAPTCHA_INVALID);
    }
    if (found.isEmpty()) {
      encoder.matches(password, decoyHash);
      limits.record("login-fail-ip:" + ip);
      throw fail(login, "PASSWORD", ErrorCode.BAD_CREDENTIALS);
    }
    User user = found.get();
    checkStatus(user, login, "PASSWORD");
    String hash = users.passwordHash(user.id()).orElse(decoyHash);
    if (!encoder.matches(password, hash)) {
      limits.record("login-fail-ip:" + ip);
      boolean locked =
          users.recordFailedLogin(
              user.id(), rules.maxFailures(), clock.instant().plus(rules.lockDuration()));
      throw fail(login, "PASSWORD", locked ? ErrorCode.ACCOUNT_LOCKED : ErrorCode.BAD_CREDENTIALS);
    }
    return succeed(user, "PASSWORD");
  }

  User sms(String mobile, String code, String ip) {
    throttle(mobile, "SMS", ip);
    if (smsCodes.check(mobile, SmsPurpose.LOGIN, code) != SmsCodes.Check.ACCEPTED) {
      throw fail(mobile, "SMS", ErrorCode.CAPTCHA_INVALID, "短信验证码错误或已过期");
    }
    User user =
        users
            .findByMobile(mobile)
            .orElseThrow(() -> fail(mobile, "SMS", ErrorCode.BAD_CREDENTIALS));
    checkStatus(user, mobile, "SMS");
    return succeed(user, "SMS");
  }

  /** Whether a captcha must accompany a request from this IP about this account. */
  boolean captchaRequired(Optional<User> account, String ip) {
    return switch (policy) {
      case ALWAYS -> true;
      case OFF -> false;
      case AFTER_FAILURES ->
          account.map(u -> u.failedAttempts() > 0).orElse(false)
              || limits.count("login-fail-ip:" + ip, rules.lockDuration())
                  >= rules.ipFailuresForCaptcha();
    };
  }

  void throttle(String login, String method, String ip) {
    if (!limits.tryAcquire("login-ip:" + ip, rules.ipAttempts(), rules.ipWindow())) {
      throw fail(login, method, ErrorCode.RATE_LIMITED);
    }
  }

  private void checkStatus(User user, String login, String method) {
    if (user.status() == UserStatus.DISABLED) {
      throw fail(login, method, ErrorCode.ACCOUNT_DISABLED);
    }
    if (user.lockedAt(clock.instant())) {
      throw fail(login, method, ErrorCode.ACCOUNT_LOCKED);
    }
  }

  private User succeed(User user, String method) {
    users.recordSuccessfulLogin(user.id());
    events.publishEvent(new LoginSucceeded(user.id(), user.username(), method));
    return users.find(user.id()).orElseThrow();
  }

  private ApiException fail(String login, String method, ErrorCode code) {
    return fail(login, method, code, ErrorCodes.message(code));
  }

  private ApiException fail(String login, String method, ErrorCode code, String message) {
    String shown = login.length() > 64 ? login.substring(0, 64) : login;
    events.publishEvent(new LoginFailed(shown, method, code));
    return new ApiException(code, message);
  }
}
