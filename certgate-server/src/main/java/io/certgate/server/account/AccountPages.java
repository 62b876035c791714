package io.certgate.server.account;

import io.certgate.server.region.Regions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 机构管理, 账户管理 (platform) and 员工管理 (an organisation administrator's own users). */
@Controller
class AccountPages {
  private final Accounts accounts;
  private final Regions regions;

  AccountPages(Accounts accounts, Regions regions) {
    this.accounts = accounts;
    this.regions = regions;
  }

  @GetMapping("/admin/organizations")
  @PreAuthorize("hasRole('PLATFORM_ADMIN')")
  String organizations(@AuthenticationPrincipal AccountPrincipal me, Model model) {
    model.addAttribute("organizations", accounts.organizations(me));
    model.addAttribute("regions", regions.all());
    model.addAttribute("kinds", OrganizationKind.values());
    return "admin/organizations";
  }

  @GetMapping("/admin/users")
  @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ORG_ADMIN')")
  String users(
      @AuthenticationPrincipal AccountPrincipal me,
      @RequestParam(required = false) @Nullable Long organizationId,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "1") int page,
      Model model) {
    List<Organization> visible = accounts.organizations(me);
    Map<Long, String> names = new HashMap<>();
    visible.forEach(o -> names.put(o.id(), o.name()));
    model.addAttribute("title", me.isPlatformAdmin() ? "账户管理" : "员工管理");
    model.addAttribute("users", accounts.users(me, organizationId, name, page, 10));
    model.addAttribute("organizations", visible);
    model.addAttribute("orgNames", names);
    model.addAttribute("organizationId", organizationId);
    model.addAttribute("name", name);
    return "admin/users";
  }
}
