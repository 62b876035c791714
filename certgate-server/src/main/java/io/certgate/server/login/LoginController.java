package io.certgate.server.login;

import io.certgate.core.ErrorCode;
import io.certgate.server.account.AccountPrincipal;
import io.certgate.server.account.Role;
import io.certgate.server.account.User;
import io.certgate.server.api.ApiException;
import io.certgate.server.limit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The login endpoints: captcha, password and SMS login, session, logout. */
@RestController
class LoginController {
  private final LoginService logins;
  private final Captchas captchas;
  private final CaptchaPolicy policy;
  private final Sessions sessions;
  private final RateLimiter limits;
  private final ApplicationEventPublisher events;

  LoginController(
      LoginService logins,
      Captchas captchas,
      CaptchaPolicy policy,
      Sessions sessions,
      RateLimiter limits,
      ApplicationEventPublisher events) {
    this.logins = logins;
    this.captchas = captchas;
    this.policy = policy;
    this.sessions = sessions;
    this.limits = limits;
    this.events = events;
  }

  record PasswordLogin(
      @NotBlank @Size(max = 64) String username,
      @NotBlank @Size(max = 128) String password,
      @Nullable @Size(max = 64) String captchaId,
      @Nullable @Size(max = 16) String captcha) {}

  record SmsLogin(@NotBlank @Size(max = 11) String mobile, @NotBlank @Size(max = 6) String code) {}

  /** The session user of DESIGN.md §6. */
  record SessionUser(
      long id,
      String username,
      String displayName,
      @Nullable Long organizationId,
      Set<Role> roles) {
    static SessionUser of(AccountPrincipal p) {
      return new SessionUser(p.id(), p.username(), p.displayName(), p.organizationId(), p.roles());
    }
  }

  record LoggedIn(SessionUser user, String redirect) {}

  record CaptchaView(String captchaId, String image, String policy) {}

  @GetMapping("/api/captcha")
  CaptchaView captcha(HttpServletRequest request) {
    if (!limits.tryAcquire("captcha-ip:" + request.getRemoteAddr(), 60, Duration.ofMinutes(1))) {
      throw new ApiException(ErrorCode.RATE_LIMITED);
    }
    Captchas.Issued issued = captchas.create();
    return new CaptchaView(
        issued.id(),
        "data:image/png;base64," + Base64.getEncoder().encodeToString(issued.png()),
        policy.spelling());
  }

  @PostMapping("/api/auth/password")
  LoggedIn password(
      @Valid @RequestBody PasswordLogin body,
      HttpServletRequest request,
      HttpServletResponse response) {
    User user =
        logins.password(
            body.username().strip(),
            body.password(),
            body.captchaId(),
            body.captcha(),
            request.getRemoteAddr());
    return loggedIn(user, request, response);
  }

  @PostMapping("/api/auth/sms")
  LoggedIn sms(
      @Valid @RequestBody SmsLogin body, HttpServletRequest request, HttpServletResponse response) {
    User user = logins.sms(body.mobile().strip(), body.code().strip(), request.getRemoteAddr());
    return loggedIn(user, request, response);
  }

  /** Who is logged in; always hands out the CSRF cookie, also to anonymous callers. */
  @GetMapping("/api/session")
  ResponseEntity<?> session(@Nullable Authentication authentication, HttpServletRequest request) {
    if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
      token.getToken(); // loading the deferred token is what writes the XSRF-TOKEN cookie
    }
    if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal p) {
      return ResponseEntity.ok(new LoggedIn(SessionUser.of(p), "/user-center"));
    }
    throw new ApiException(ErrorCode.UNAUTHENTICATED);
  }

  @PostMapping("/api/auth/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logout(@Nullable Authentication authentication, HttpServletRequest request) {
    if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal p) {
      events.publishEvent(new LoggedOut(p.id(), p.username()));
    }
    sessions.end(request);
  }

  private LoggedIn loggedIn(User user, HttpServletRequest request, HttpServletResponse response) {
    AccountPrincipal principal = sessions.start(user, null, request, response);
    return new LoggedIn(SessionUser.of(principal), "/user-center");
  }
}
