package io.certgate.server.login;

import io.certgate.core.ErrorCode;
import io.certgate.server.account.User;
import io.certgate.server.account.UserStatus;
import io.certgate.server.api.ApiException;
import io.certgate.server.api.ErrorCodes;
import io.certgate.server.limit.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The gate every login method passes through — password, SMS and CA: the per-address limit, the
 * account's state, the failure counts of the CA factor, and the outcome published for the audit log
 * and metrics. A refusal is published with its true reason as {@link LoginFailed} and answered with
 * the status of {@link ErrorCodes#loginStatus}.
 */
@Component
public final class LoginGate {
  /** Login methods as the audit log and metrics name them. */
  public static final String PASSWORD = "PASSWORD";

  public static final String SMS = "SMS";
  public static final String CA = "CA";

  private final RateLimiter limits;
  private final LoginRules rules;
  private final ApplicationEventPublisher events;

  LoginGate(RateLimiter limits, LoginRules rules, ApplicationEventPublisher events) {
    this.limits = limits;
    this.rules = rules;
    this.events = events;
  }

  /**
   * The per-address limit of {@code certgate.login.ip-attempts} within {@code
   * certgate.login.ip-window}: one count for password, SMS and recovery, one for CA login (a page
   * that failed with one method can still use the other).
   */
  public void throttle(String who, String method, String ip) {
    String key = (CA.equals(method) ? "ca-login-ip:" : "login-ip:") + ip;
    if (!limits.tryAcquire(key, rules.ipAttempts(), rules.ipWindow())) {
      throw refused(who, method, ErrorCode.RATE_LIMITED);
    }
  }

  /** Refuses a disabled account; a password hold never stops the other methods. */
  public void checkEnabled(User user, String who, String method) {
    if (user.status() == UserStatus.DISABLED) {
      throw refused(who, method, ErrorCode.ACCOUNT_DISABLED);
    }
  }

  /**
   * Refuses a CA login from an address that failed too often with this lock. Another address, or
   * another lock from this one, is not held back, so nobody can keep a user's lock out.
   */
  public void checkCaFailures(String lock, String ip, String who) {
    if (limits.isExhausted(caKey(lock, ip), rules.caFailures(), rules.lockDuration())) {
      throw refused(who, CA, ErrorCode.RATE_LIMITED);
    }
  }

  /** Counts a failed CA login (bad signature, unbound lock …) of this lock from this address. */
  public void countCaFailure(String lock, String ip) {
    limits.record(caKey(lock, ip));
  }

  /** A refusal with the code's own message, published with that code. */
  public ApiException refused(String who, String method, ErrorCode code) {
    return refused(who, method, code, code, ErrorCodes.message(code));
  }

  /** A refusal with its own message, published with its code. */
  public ApiException refused(String who, String method, ErrorCode code, String message) {
    return refused(who, method, code, code, message);
  }

  /**
   * A refusal whose answer hides its reason: the audit log gets {@code reason}, the caller {@code
   * shown} (the same answer for an unknown account, a wrong password and a held-back one).
   */
  ApiException refused(
      String who, String method, ErrorCode reason, ErrorCode shown, String message) {
    String login = who.length() > 64 ? who.substring(0, 64) : who;
    events.publishEvent(new LoginFailed(login, method, reason));
    return ApiException.loginRefused(shown, message);
  }

  /** Publishes the success; the caller then starts the session. */
  public User admitted(User user, String method) {
    events.publishEvent(new LoginSucceeded(user.id(), user.username(), method));
    return user;
  }

  private static String caKey(String lock, String ip) {
    return "ca-login-fail:" + ip + ":" + lock;
  }
}
