package io.certgate.server.binding;

import io.certgate.server.account.AccountPrincipal;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The CA管理 pages: CA用户管理 (users with their bindings, the 绑定 dialog, 解除绑定) and the bindings view.
 * Both read through {@link BindingQueries}, so a page shows exactly what the API would give the
 * same user.
 */
@Controller
class BindingPages {
  /** Certificates expiring sooner than this are highlighted (DESIGN.md: expiry care). */
  static final Duration EXPIRY_WARNING = Duration.ofDays(30);

  private final BindingQueries queries;
  private final Clock clock;

  BindingPages(BindingQueries queries, Clock clock) {
    this.queries = queries;
    this.clock = clock;
  }

  @GetMapping("/ca")
  String users(
      @AuthenticationPrincipal AccountPrincipal me,
      @RequestParam(required = false) @Nullable String name,
      @RequestParam(required = false) @Nullable Boolean bound,
      @RequestParam(required = false) @Nullable Long organizationId,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "10") int size,
      Model model) {
    int p = BindingQueries.clamp(page, BindingQueries.MAX_PAGE);
    int s = BindingQueries.clamp(size, BindingQueries.MAX_SIZE);
    model.addAttribute("title", "CA用户管理");
    model.addAttribute("users", queries.users(me, organizationId, name, bound, p, s));
    model.addAttribute("name", name);
    model.addAttribute("bound", bound);
    model.addAttribute("organizationId", organizationId);
    model.addAttribute("warnBefore", clock.instant().plus(EXPIRY_WARNING));
    return "ca/users";
  }

  @GetMapping("/ca/bindings")
  String bindings(
      @AuthenticationPrincipal AccountPrincipal me,
      @RequestParam(required = false) @Nullable String account,
      @RequestParam(required = false) @Nullable String name,
      @RequestParam(required = false) @Nullable Long organizationId,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "10") int size,
      Model model) {
    int p = BindingQueries.clamp(page, BindingQueries.MAX_PAGE);
    int s = BindingQueries.clamp(size, BindingQueries.MAX_SIZE);
    model.addAttribute("title", "CA绑定与解绑");
    model.addAttribute("bindings", queries.bindings(me, organizationId, account, name, p, s));
    model.addAttribute("account", account);
    model.addAttribute("name", name);
    model.addAttribute("organizationId", organizationId);
    model.addAttribute("warnBefore", clock.instant().plus(EXPIRY_WARNING));
    return "ca/bindings";
  }
}
