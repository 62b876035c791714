package io.certgate.server.calogin;

import io.certgate.core.CertGateException;
import io.certgate.core.ErrorCode;
import io.certgate.core.auth.ValidatedToken;
import io.certgate.core.challenge.ChallengePurpose;
import io.certgate.server.account.User;
import io.certgate.server.account.UserStatus;
import io.certgate.server.account.Users;
import io.certgate.server.api.ApiException;
import io.certgate.server.api.ErrorCodes;
import io.certgate.server.binding.Binding;
import io.certgate.server.binding.Bindings;
import io.certgate.server.binding.CaChallenges;
import io.certgate.server.limit.RateLimiter;
import io.certgate.server.login.LoginFailed;
import io.certgate.server.login.LoginSucceeded;
import io.certgate.server.provider.TrustRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The checks of a CA login, in DESIGN.md §8 order: per-IP rate limit, the token with a LOGIN
 * challenge of this session (steps 1–7), then step 8: the binding of the lock (the certificate is
 * always checked against the account it is bound to), the account's status, and the region and
 * provider rules of that account.
 */
@Service
class CaLoginService {
  static final String NOT_BOUND = "该CA锁未绑定账号,请先使用账号密码登录,在CA用户管理中绑定后再使用CA登录";

  private final TrustRegistry trust;
  private final CaChallenges challenges;
  private final Bindings bindings;
  private final Users users;
  private final RateLimiter limits;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final int ipAttempts;

  CaLoginService(
      TrustRegistry trust,
      CaChallenges challenges,
      Bindings bindings,
      Users users,
      RateLimiter limits,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${certgate.login.ip-attempts:30}") int ipAttempts) {
    this.trust = trust;
    this.challenges = challenges;
    this.bindings = bindings;
    this.users = users;
    this.limits = limits;
    this.events = events;
    this.clock = clock;
    this.ipAttempts = ipAttempts;
  }

  User login(String challengeId, String token, HttpServletRequest request) {
    if (!limits.tryAcquire(
        "ca-login-ip:" + request.getRemoteAddr(), ipAttempts, Duration.ofMinutes(5))) {
      throw fail("ca:-", ErrorCode.RATE_LIMITED, ErrorCodes.message(ErrorCode.RATE_LIMITED));
    }
    ValidatedToken valid;
    try {
      valid =
          trust.validate(
              token,
              challenges.check(request, challengeId, ChallengePurpose.LOGIN, Optional.empty()));
    } catch (CertGateException e) {
      throw fail("ca:-", e.code(), ErrorCodes.message(e.code()));
    }
    String who = "ca:" + valid.providerCode() + ":" + valid.lockId();
    Binding binding =
        bindings
            .findByLock(valid.providerCode(), valid.lockId())
            .orElseThrow(() -> fail(who, ErrorCode.CA_NOT_BOUND, NOT_BOUND));
    User user =
        users
            .find(binding.userId())
            .orElseThrow(() -> fail(who, ErrorCode.CA_NOT_BOUND, NOT_BOUND));
    if (user.status() == UserStatus.DISABLED) {
      throw fail(who, ErrorCode.ACCOUNT_DISABLED, ErrorCodes.message(ErrorCode.ACCOUNT_DISABLED));
    }
    if (user.lockedAt(clock.instant())) {
      throw fail(who, ErrorCode.ACCOUNT_LOCKED, ErrorCodes.message(ErrorCode.ACCOUNT_LOCKED));
    }
    Optional<ErrorCode> refusal = bindings.regionRefusal(user, valid.providerCode());
    if (refusal.isPresent()) {
      throw fail(who, refusal.get(), ErrorCodes.message(refusal.get()));
    }
    if (isRenewal(binding, valid)) {
      bindings.renew(binding, valid);
    }
    User loggedIn = user;
    if (hasFailuresToClear(user)) {
      users.recordSuccessfulLogin(user.id());
      loggedIn = users.find(user.id()).orElseThrow();
    }
    events.publishEvent(new LoginSucceeded(user.id(), user.username(), "CA"));
    return loggedIn;
  }

  /**
   * Whether a success has anything to reset. Most logins have none: skipping the write then saves
   * an UPDATE and a re-read per login, and is the same as a reset ordered just before any failure
   * that races with it.
   */
  private static boolean hasFailuresToClear(User user) {
    return user.failedAttempts() > 0
        || user.lockedUntil() != null
        || user.status() == UserStatus.LOCKED;
  }

  /**
   * Another certificate of the bound lock that expires later than the stored one. An older
   * certificate of the same lock still logs in (it is valid and the lock is the same) but does not
   * roll the binding back.
   */
  private static boolean isRenewal(Binding binding, ValidatedToken valid) {
    return !binding.fingerprint().equals(valid.fingerprint())
        && valid.certificate().getNotAfter().toInstant().isAfter(binding.notAfter());
  }

  private ApiException fail(String login, ErrorCode code, String message) {
    String shown = login.length() > 64 ? login.substring(0, 64) : login;
    events.publishEvent(new LoginFailed(shown, "CA", code));
    return new ApiException(code, message);
  }
}
