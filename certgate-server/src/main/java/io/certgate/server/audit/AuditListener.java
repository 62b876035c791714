package io.certgate.server.audit;

import io.certgate.server.account.OrganizationCreated;
import io.certgate.server.account.PasswordChanged;
import io.certgate.server.account.UserCreated;
import io.certgate.server.account.UserStatusChanged;
import io.certgate.server.account.UserUpdated;
import io.certgate.server.login.LoggedOut;
import io.certgate.server.login.LoginFailed;
import io.certgate.server.login.LoginSucceeded;
import io.certgate.server.login.PasswordChangeRefused;
import io.certgate.server.login.UsernameRecovered;
import io.certgate.server.region.RegionCreated;
import io.certgate.server.region.RegionUpdated;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns the features' events into audit rows. Listeners run synchronously in the publisher's
 * transaction: an administration change and its audit row commit or roll back together.
 */
@Component
class AuditListener {
  static final String SUCCESS = "SUCCESS";
  static final String FAILURE = "FAILURE";

  private final AuditLog log;

  AuditListener(AuditLog log) {
    this.log = log;
  }

  @EventListener
  void on(LoginSucceeded e) {
    log.append(e.username(), "LOGIN_" + e.method(), "user:" + e.userId(), ip(), SUCCESS, "");
  }

  @EventListener
  void on(LoginFailed e) {
    log.append(
        e.login(), "LOGIN_" + e.method(), "login:" + e.login(), ip(), FAILURE, e.reason().name());
  }

  @EventListener
  void on(LoggedOut e) {
    log.append(e.username(), "LOGOUT", "user:" + e.userId(), ip(), SUCCESS, "");
  }

  @EventListener
  void on(UsernameRecovered e) {
    log.append(e.username(), "RECOVER_USERNAME", "user:" + e.userId(), ip(), SUCCESS, "");
  }

  @EventListener
  void on(PasswordChanged e) {
    log.append(e.actor(), "PASSWORD_CHANGE", "user:" + e.id(), ip(), SUCCESS, "");
  }

  @EventListener
  void on(PasswordChangeRefused e) {
    log.append(
        e.username(), "PASSWORD_CHANGE", "user:" + e.userId(), ip(), FAILURE, e.reason().name());
  }

  @EventListener
  void on(RegionCreated e) {
    log.append(e.actor(), "REGION_CREATE", "region:" + e.code(), ip(), SUCCESS, "");
  }

  @EventListener
  void on(RegionUpdated e) {
    String ca = e.caEnabled() == null ? "inherit" : e.caEnabled().toString();
    log.append(e.actor(), "REGION_UPDATE", "region:" + e.code() + " ca=" + ca, ip(), SUCCESS, "");
  }

  @EventListener
  void on(OrganizationCreated e) {
    log.append(e.actor(), "ORGANIZATION_CREATE", "organization:" + e.id(), ip(), SUCCESS, "");
  }

  @EventListener
  void on(UserCreated e) {
    log.append(
        e.actor(),
        "USER_CREATE",
        "user:" + e.id() + " roles=" + roles(e.roles()),
        ip(),
        SUCCESS,
        "");
  }

  @EventListener
  void on(UserUpdated e) {
    log.append(
        e.actor(),
        "USER_UPDATE",
        "user:" + e.id() + " roles=" + roles(e.roles()),
        ip(),
        SUCCESS,
        "");
  }

  @EventListener
  void on(UserStatusChanged e) {
    log.append(
        e.actor(), "USER_STATUS", "user:" + e.id() + " status=" + e.status(), ip(), SUCCESS, "");
  }

  private static String roles(Set<?> roles) {
    return roles.stream().map(Object::toString).sorted().collect(Collectors.joining(","));
  }

  /** The client address of the request being handled, or "-" outside a request (start-up). */
  private static String ip() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
      return a.getRequest().getRemoteAddr();
    }
    return "-";
  }
}
