package io.certgate.server.web;

import io.certgate.server.account.AccountPrincipal;
import io.certgate.server.account.Organizations;
import io.certgate.server.account.PasswordPolicy;
import io.certgate.server.account.User;
import io.certgate.server.account.Users;
import io.certgate.server.login.CaptchaPolicy;
import io.certgate.server.region.Regions;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the user centre (the CA pages live with the CA feature packages). */
@Controller
class PageController {
  private final Users users;
  private final Organizations organizations;
  private final Regions regions;
  private final CaptchaPolicy captchaPolicy;

  PageController(
      Users users, Organizations organizations, Regions regions, CaptchaPolicy captchaPolicy) {
    this.users = users;
    this.organizations = organizations;
    this.regions = regions;
    this.captchaPolicy = captchaPolicy;
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal @Nullable AccountPrincipal me) {
    return me == null ? "redirect:/login" : "redirect:/user-center";
  }

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("captchaPolicy", captchaPolicy.spelling());
    model.addAttribute("passwordRule", PasswordPolicy.RULE);
    return "login";
  }

  @GetMapping("/user-center")
  String userCenter(@AuthenticationPrincipal AccountPrincipal me, Model model) {
    User user = users.find(me.id()).orElseThrow();
    var organization =
        user.organizationId() == null
            ? null
            : organizations.find(user.organizationId()).orElse(null);
    model.addAttribute("user", user);
    model.addAttribute("organization", organization);
    model.addAttribute(
        "region",
        organization == null ? null : regions.find(organization.regionCode()).orElse(null));
    model.addAttribute("roles", user.roles().stream().sorted().toList());
    model.addAttribute("passwordRule", PasswordPolicy.RULE);
    return "user-center";
  }
}
