package io.certgate.server.login;

import io.certgate.server.account.AccountPrincipal;
import io.certgate.server.account.User;
import io.certgate.server.account.UserStatus;
import io.certgate.server.account.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Asked at every request with a session, before authorisation: ends a session past its absolute
 * lifetime ({@code certgate.session.max-age}, from its login, however busy) or one whose account
 * moved its session epoch (password changed, user disabled) or broke a {@link SessionRule}; gives a
 * session whose account changed otherwise (roles, name) the account as it is now. A session that
 * ends is anonymous for the rest of the request, so the API answers 401 {@code UNAUTHENTICATED}.
 *
 * <p>Cost per request: a session attribute, the clock and one {@link AccountMarks} lookup (memory,
 * or one Redis read in cluster mode); the database only when the account changed.
 */
@Component
public class SessionGuard {
  private final Users users;
  private final AccountMarks marks;
  private final List<SessionRule> rules;
  private final SecurityContextRepository contexts;
  private final Clock clock;
  private final Duration maxAge;

  SessionGuard(
      Users users,
      AccountMarks marks,
      List<SessionRule> rules,
      SecurityContextRepository contexts,
      Clock clock,
      @Value("${certgate.session.max-age:12h}") Duration maxAge) {
    this.users = users;
    this.marks = marks;
    this.rules = List.copyOf(rules);
    this.contexts = contexts;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  /** Checks the request's session, if it has one, against its account. */
  public void check(HttpServletRequest request, HttpServletResponse response) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return;
    }
    if (!(session.getAttribute(SessionFacts.ATTRIBUTE) instanceof SessionFacts facts)) {
      // logged in without facts (a session from before this rule): it cannot be followed
      if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
          != null) {
        end(session);
      }
      return;
    }
    if (!clock.instant().isBefore(facts.loginAt().plus(maxAge))) {
      end(session);
      return;
    }
    if (marks.latest(facts.userId()) <= facts.version()) {
      return;
    }
    Optional<User> user = users.find(facts.userId());
    if (user.isEmpty() || !stillHolds(user.get(), facts)) {
      end(session);
      return;
    }
    follow(user.get(), facts, session, request, response);
  }

  private boolean stillHolds(User user, SessionFacts facts) {
    return user.status() != UserStatus.DISABLED
        && user.sessionEpoch() == facts.epoch()
        && rules.stream().allMatch(r -> r.holds(facts));
  }

  private void follow(
      User user,
      SessionFacts facts,
      HttpSession session,
      HttpServletRequest request,
      HttpServletResponse response) {
    AccountPrincipal principal = AccountPrincipal.of(user);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.authorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    session.setAttribute(SessionFacts.ATTRIBUTE, facts.following(user));
  }

  private static void end(HttpSession session) {
    try {
      session.invalidate();
    } catch (IllegalStateException alreadyInvalid) {
      // ended by a parallel request of the same session
    }
    SecurityContextHolder.clearContext();
  }
}
