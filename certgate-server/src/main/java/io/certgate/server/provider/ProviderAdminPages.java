package io.certgate.server.provider;

import io.certgate.server.region.Region;
import io.certgate.server.region.Regions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** CA服务商管理: providers, their enabling per region and their drivers (platform admins). */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class ProviderAdminPages {
  private final JdbcProviders providers;
  private final JdbcDrivers drivers;
  private final Regions regions;

  ProviderAdminPages(JdbcProviders providers, JdbcDrivers drivers, Regions regions) {
    this.providers = providers;
    this.drivers = drivers;
    this.regions = regions;
  }

  /** A region with its own provider list (null when inherited) and the list in force. */
  record RegionRow(Region region, List<String> own, List<String> effective) {}

  @GetMapping("/admin/providers")
  String page(Model model) {
    Map<String, String> names = new LinkedHashMap<>();
    List<Provider> all = providers.all();
    all.forEach(p -> names.put(p.code(), p.name()));
    List<RegionRow> rows =
        regions.all().stream()
            .map(
                r ->
                    new RegionRow(
                        r,
                        providers.listOf(r.code()).orElse(null),
                        providers.enabledFor(r.code()).stream().sorted().toList()))
            .toList();
    model.addAttribute("title", "CA服务商管理");
    model.addAttribute("providers", all);
    model.addAttribute("names", names);
    model.addAttribute("regionRows", rows);
    model.addAttribute("drivers", drivers.all());
    return "admin/providers";
  }
}
