package io.certgate.server.calogin;

import io.certgate.server.account.AccountPrincipal;
import io.certgate.server.account.Role;
import io.certgate.server.account.User;
import io.certgate.server.api.ApiException;
import io.certgate.server.api.AuthTokenField;
import io.certgate.server.api.ErrorBodies;
import io.certgate.server.login.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

  @PostMapping("/api/auth/ca")
  ResponseEntity<?> login(
      @Valid @RequestBody CaLogin body, HttpServletRequest request, HttpServletResponse response) {
    User user;
    try {
      user = logins.login(body.challengeId(), body.token().text(), request);
    } catch (ApiException e) {
      return refused(e);
    }
    AccountPrincipal p = sessions.start(user, request, response);
    return ResponseEntity.ok(
        new LoggedIn(
            new SessionUser(p.id(), p.username(), p.displayName(), p.organizationId(), p.roles()),
            "/user-center"));
  }

  /**
   * A refused login is 401 (DESIGN.md §6), whatever status the same code has on a bind (422);
   * malformed input stays 400 and a rate limit 429.
   */
  private static ResponseEntity<String> refused(ApiException e) {
    int status = e.status() == 422 ? 401 : e.status();
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ErrorBodies.json(e.code(), e.getMessage()));
  }
}
