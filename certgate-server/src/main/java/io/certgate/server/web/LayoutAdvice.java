package io.certgate.server.web;

import io.certgate.server.account.AccountPrincipal;
import io.certgate.server.account.Organization;
import io.certgate.server.account.Organizations;
import io.certgate.server.account.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the top bar's user and organisation, the menu's role switches, and where the
 * local CA client listens.
 */
@ControllerAdvice
class LayoutAdvice {
  private final Organizations organizations;
  private final String agentUrl;

  LayoutAdvice(
      Organizations organizations,
      @Value("${certgate.agent-url:http://127.0.0.1:27150}") String agentUrl) {
    this.organizations = organizations;
    this.agentUrl = agentUrl;
  }

  @ModelAttribute
  void layout(Model model, HttpServletRequest request) {
    if (request.getRequestURI().startsWith("/api/")) {
      return; // JSON endpoints have no layout
    }
    model.addAttribute("agentUrl", agentUrl);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    AccountPrincipal me =
        auth != null && auth.getPrincipal() instanceof AccountPrincipal p ? p : null;
    model.addAttribute("me", me);
    model.addAttribute("isPlatformAdmin", me != null && me.isPlatformAdmin());
    model.addAttribute("isOrgAdmin", me != null && me.roles().contains(Role.ORG_ADMIN));
    String org =
        me == null || me.organizationId() == null
            ? "运营机构"
            : organizations.find(me.organizationId()).map(Organization::name).orElse("");
    model.addAttribute("myOrganization", org);
  }
}
