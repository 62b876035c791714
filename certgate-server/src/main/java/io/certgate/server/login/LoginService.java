package io.certgate.server.login;

import io.certgate.core.ErrorCode;
import io.certgate.server.account.User;
import io.certgate.server.account.Users;
import io.certgate.server.api.ErrorCodes;
import io.certgate.server.limit.RateLimiter;
import io.certgate.server.sms.SmsCodes;
import io.certgate.server.sms.SmsPurpose;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Password and SMS login through the {@link LoginGate}. Password login, in order: per-IP limit,
 * captcha (per policy), then one password attempt taken atomically (refused while password login is
 * held back), the password, the account's state. To the caller an unknown account, a wrong
 * password, a held-back account and (with {@code after-failures}) a captcha missing because of
 * earlier failures are one answer — same code, message and about the same time, a hash is always
 * computed; the audit log keeps the true reason.
 */
@Service
class LoginService {
  private final Users users;
  private final Captchas captchas;
  private final CaptchaPolicy policy;
  private final SmsCodes smsCodes;
  private final RateLimiter limits;
  private final LoginRules rules;
  private final LoginGate gate;
  private final PasswordEncoder encoder;
  private final Clock clock;

  /** Compared against whenever no real hash is, so timing does not tell the cases apart. */
  private final String decoyHash;

  LoginService(
      Users users,
      Captchas captchas,
      CaptchaPolicy policy,
      SmsCodes smsCodes,
      RateLimiter limits,
      LoginRules rules,
      LoginGate gate,
      PasswordEncoder encoder,
      Clock clock) {
    this.users = users;
    this.captchas = captchas;
    this.policy = policy;
    this.smsCodes = smsCodes;
    this.limits = limits;
    this.rules = rules;
    this.gate = gate;
    this.encoder = encoder;
    this.clock = clock;
    this.decoyHash = encoder.encode(UUID.randomUUID().toString());
  }

  User password(
      String login,
      String password,
      @Nullable String captchaId,
      @Nullable String captcha,
      String ip) {
    gate.throttle(login, LoginGate.PASSWORD, ip);
    Optional<User> found = users.findByLogin(login);
    if (captchaRequired(found, login, ip) && !captchas.check(captchaId, captcha)) {
      if (policy == CaptchaPolicy.ALWAYS) {
        // asked of everyone, so this answer says nothing about the account
        throw gate.refused(login, LoginGate.PASSWORD, ErrorCode.CAPTCHA_INVALID);
      }
      throw unsuccessful(login, password, ip, ErrorCode.CAPTCHA_INVALID);
    }
    if (found.isEmpty()) {
      throw unsuccessful(login, password, ip, ErrorCode.BAD_CREDENTIALS);
    }
    User user = found.get();
    OptionalInt attempt =
        users.takePasswordAttempt(
            user.id(), clock.instant(), rules.maxFailures(), rules::holdAfter);
    if (attempt.isEmpty()) {
      // even the right password is refused while held back: a guess after the limit learns nothing
      throw unsuccessful(login, password, ip, ErrorCode.ACCOUNT_LOCKED);
    }
    String hash = users.passwordHash(user.id()).orElse(decoyHash);
    if (!encoder.matches(password, hash)) {
      noteFailure(login, ip);
      throw gate.refused(login, LoginGate.PASSWORD, ErrorCode.BAD_CREDENTIALS);
    }
    users.passwordAccepted(user.id());
    // only someone who knows the password learns that the account is disabled
    gate.checkEnabled(user, login, LoginGate.PASSWORD);
    return gate.admitted(users.find(user.id()).orElseThrow(), LoginGate.PASSWORD);
  }

  User sms(String mobile, String code, String ip) {
    gate.throttle(mobile, LoginGate.SMS, ip);
    if (smsCodes.check(mobile, SmsPurpose.LOGIN, code) != SmsCodes.Check.ACCEPTED) {
      throw gate.refused(mobile, LoginGate.SMS, ErrorCode.CAPTCHA_INVALID, "短信验证码错误或已过期");
    }
    User user =
        users
            .findByMobile(mobile)
            .orElseThrow(() -> gate.refused(mobile, LoginGate.SMS, ErrorCode.BAD_CREDENTIALS));
    // a password lock does not stop a valid SMS code: wrong passwords hold back password login only
    gate.checkEnabled(user, mobile, LoginGate.SMS);
    return gate.admitted(user, LoginGate.SMS);
  }

  /**
   * Whether a captcha must accompany a request from this IP about this login name. With {@code
   * after-failures} it is the account's failures, or for a name without an account the failures
   * typed with that name, so the requirement looks the same whether or not the account exists.
   */
  boolean captchaRequired(Optional<User> account, String login, String ip) {
    return switch (policy) {
      case ALWAYS -> true;
      case OFF -> false;
      case AFTER_FAILURES ->
          account
                  .map(u -> u.failedAttempts() > 0)
                  .orElseGet(() -> limits.count(nameKey(login), rules.lockDuration()) > 0)
              || limits.count("login-fail-ip:" + ip, rules.lockDuration())
                  >= rules.ipFailuresForCaptcha();
    };
  }

  void throttle(String login, String method, String ip) {
    gate.throttle(login, method, ip);
  }

  /** The one answer of a failed password login, after the hash a wrong password would cost. */
  private RuntimeException unsuccessful(
      String login, String password, String ip, ErrorCode reason) {
    encoder.matches(password, decoyHash);
    noteFailure(login, ip);
    return gate.refused(
        login,
        LoginGate.PASSWORD,
        reason,
        ErrorCode.BAD_CREDENTIALS,
        ErrorCodes.message(ErrorCode.BAD_CREDENTIALS));
  }

  private void noteFailure(String login, String ip) {
    limits.record("login-fail-ip:" + ip);
    limits.record(nameKey(login));
  }

  private static String nameKey(String login) {
    String name = login.length() > 64 ? login.substring(0, 64) : login;
    return "login-fail-name:" + name.toLowerCase(Locale.ROOT);
  }
}
