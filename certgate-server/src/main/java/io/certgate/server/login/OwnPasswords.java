package io.certgate.server.login;

import io.certgate.core.ErrorCode;
import io.certgate.server.account.PasswordChanged;
import io.certgate.server.account.PasswordPolicy;
import io.certgate.server.account.User;
import io.certgate.server.account.Users;
import io.certgate.server.api.ApiException;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * 修改密码: a signed-in user replaces their own password (ASVS 2.1.5, 2.1.6). The current password is
 * checked as a password login checks it — one attempt taken atomically from the same count, so a
 * thief holding the session gets no more guesses than at the login page, and wrong guesses here
 * hold back password login too. The session that made the change goes on; the user's other sessions
 * end at their next request ({@link OpenSessions}).
 *
 * <p>Not transactional on purpose: the attempt must stay counted when the change is refused.
 */
@Service
class OwnPasswords {
  static final String WRONG_CURRENT = "当前密码错误,或错误次数过多暂时无法验证,请稍后再试";

  private final Users users;
  private final LoginRules rules;
  private final PasswordEncoder encoder;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  /** Compared against when there is no hash to compare, so the answer costs the same. */
  private final String decoyHash;

  OwnPasswords(
      Users users,
      LoginRules rules,
      PasswordEncoder encoder,
      ApplicationEventPublisher events,
      Clock clock) {
    this.users = users;
    this.rules = rules;
    this.encoder = encoder;
    this.events = events;
    this.clock = clock;
    this.decoyHash = encoder.encode(UUID.randomUUID().toString());
  }

  void change(long userId, String current, String next) {
    User user = users.find(userId).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED));
    // the rule first: it is public, and a form that breaks it should not cost a password attempt
    PasswordPolicy.violation(user.username(), next)
        .ifPresent(
            rule -> {
              throw refused(user, ErrorCode.BAD_REQUEST, ApiException.badRequest(rule));
            });
    verifyCurrent(user, current);
    users.changePasswordHash(user.id(), encoder.encode(next));
    events.publishEvent(new PasswordChanged(user.id(), user.username(), user.username()));
  }

  /** The current password, through the attempt count of password login. */
  private void verifyCurrent(User user, String current) {
    OptionalInt attempt =
        users.takePasswordAttempt(
            user.id(), clock.instant(), rules.maxFailures(), rules::holdAfter);
    if (attempt.isEmpty()) {
      // held back: even the right password is refused, after the hash a check would cost
      encoder.matches(current, decoyHash);
      throw refused(user, ErrorCode.ACCOUNT_LOCKED, wrongCurrent());
    }
    if (!encoder.matches(current, users.passwordHash(user.id()).orElse(decoyHash))) {
      throw refused(user, ErrorCode.BAD_CREDENTIALS, wrongCurrent());
    }
    users.passwordAccepted(user.id());
  }

  /** One answer for a wrong current password and a held-back check; the audit keeps which. */
  private static ApiException wrongCurrent() {
    return new ApiException(ErrorCode.BAD_CREDENTIALS, WRONG_CURRENT);
  }

  private ApiException refused(User user, ErrorCode reason, ApiException answer) {
    events.publishEvent(new PasswordChangeRefused(user.id(), user.username(), reason));
    return answer;
  }
}
