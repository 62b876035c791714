package io.certgate.server.login;

import io.certgate.server.account.AccountPrincipal;
import io.certgate.server.account.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Starts and ends authenticated sessions. A login always discards the previous session and opens a
 * new one, so an id planted before login (session fixation) is worthless afterwards.
 */
@Component
public class Sessions {
  private final SecurityContextRepository repository;
  private final CsrfTokenRepository csrfTokens;
  private final Clock clock;

  Sessions(SecurityContextRepository repository, CsrfTokenRepository csrfTokens, Clock clock) {
    this.repository = repository;
    this.csrfTokens = csrfTokens;
    this.clock = clock;
  }

  /**
   * Logs {@code user} in on a new session (CA login uses it too), which then follows the account
   * ({@link SessionGuard}).
   *
   * @param bindingId the CA binding of a CA login, whose unbinding ends the session
   */
  public AccountPrincipal start(
      User user,
      @Nullable Long bindingId,
      HttpServletRequest request,
      HttpServletResponse response) {
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    request
        .getSession(true)
        .setAttribute(SessionFacts.ATTRIBUTE, SessionFacts.of(user, bindingId, clock.instant()));
    AccountPrincipal principal = AccountPrincipal.of(user);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.authorities()));
    SecurityContextHolder.setContext(context);
    repository.saveContext(context, request, response);
    // a CSRF token known before login (perhaps planted) must not be valid after it
    csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
    return principal;
  }

  void end(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
  }
}
