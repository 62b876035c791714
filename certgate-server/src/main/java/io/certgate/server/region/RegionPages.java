package io.certgate.server.region;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 区划管理 page. */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class RegionPages {
  private final Regions regions;

  RegionPages(Regions regions) {
    this.regions = regions;
  }

  @GetMapping("/admin/regions")
  String regions(Model model) {
    model.addAttribute("regions", regions.all());
    return "admin/regions";
  }
}
