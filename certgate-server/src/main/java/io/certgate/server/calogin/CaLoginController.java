package io.certgate.server.calogin;

import io.certgate.server.account.AccountPrincipal;
import io.certgate.server.account.Role;
import io.certgate.server.api.AuthTokenField;
import io.certgate.server.login.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/auth/ca} (DESIGN.md §6). */
@RestController
class CaLoginController {
  private final CaLoginService logins;
  private final Sessions sessions;

  CaLoginController(CaLoginService logins, Sessions sessions) {
    this.logins = logins;
    this.sessions = sessions;
  }

  record CaLogin(
      @NotBlank @Size(max = 64) String challengeId, @NotNull @Valid AuthTokenField token) {}

  /** The session user, as {@code GET /api/session} shows it. */
  record SessionUser(
      long id,
      String username,
      String displayName,
      @Nullable Long organizationId,
      Set<Role> roles) {}

  record LoggedIn(SessionUser user, String redirect) {}

  /** A refusal is answered by the API's error advice with the status of a refused login. */
  @PostMapping("/api/auth/ca")
  LoggedIn login(
      @Valid @RequestBody CaLogin body, HttpServletRequest request, HttpServletResponse response) {
    CaLoginService.CaLogin login = logins.login(body.challengeId(), body.token().text(), request);
    AccountPrincipal p = sessions.start(login.user(), login.binding().id(), request, response);
    return new LoggedIn(
        new SessionUser(p.id(), p.username(), p.displayName(), p.organizationId(), p.roles()),
        "/user-center");
  }
}
