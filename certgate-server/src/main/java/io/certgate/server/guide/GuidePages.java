package io.certgate.server.guide;

import io.certgate.server.account.AccountPrincipal;
import io.certgate.server.account.Organization;
import io.certgate.server.account.Organizations;
import io.certgate.server.api.ApiException;
import io.certgate.server.api.Inputs;
import io.certgate.server.region.Region;
import io.certgate.server.region.Regions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/** {@code GET /guide} for everyone; {@code PUT /api/admin/guides/{region}} for platform admins. */
@Controller
class GuidePages {
  private final JdbcClient jdbc;
  private final Organizations organizations;
  private final Regions regions;
  private final Clock clock;

  GuidePages(JdbcClient jdbc, Organizations organizations, Regions regions, Clock clock) {
    this.jdbc = jdbc;
    this.organizations = organizations;
    this.regions = regions;
    this.clock = clock;
  }

  /** A region's own guide. */
  record RegionGuide(String regionCode, String regionName, String content) {}

  record GuideText(@NotNull @Size(max = 100_000) String content) {}

  @GetMapping("/guide")
  String guide(@AuthenticationPrincipal @Nullable AccountPrincipal me, Model model) {
    model.addAttribute("title", "操作指南");
    model.addAttribute("regionGuide", me == null ? null : regionGuide(me).orElse(null));
    model.addAttribute("allRegions", me != null && me.isPlatformAdmin() ? regions.all() : null);
    return "guide";
  }

  @PutMapping("/api/admin/guides/{regionCode}")
  @PreAuthorize("hasRole('PLATFORM_ADMIN')")
  @ResponseBody
  RegionGuide write(
      @PathVariable String regionCode,
      @Valid @RequestBody GuideText body,
      @AuthenticationPrincipal AccountPrincipal me) {
    Region region = regions.find(regionCode).orElseThrow(ApiException::notFound);
    String content = body.content().strip();
    jdbc.sql("DELETE FROM ca_guides WHERE region_code = ?").param(regionCode).update();
    if (!content.isEmpty()) {
      Inputs.text(
          content.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '), "content", 100_000);
      jdbc.sql(
              "INSERT INTO ca_guides (region_code, content, updated_by, updated_at)"
                  + " VALUES (?, ?, ?, ?)")
          .params(
              regionCode,
              content,
              me.username(),
              clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
          .update();
    }
    return new RegionGuide(regionCode, region.name(), content);
  }

  /** The guide of the user's region, or of the nearest ancestor that has one. */
  private Optional<RegionGuide> regionGuide(AccountPrincipal me) {
    Optional<Region> region =
        Optional.ofNullable(me.organizationId())
            .flatMap(organizations::find)
            .map(Organization::regionCode)
            .flatMap(regions::find);
    for (int depth = 0; region.isPresent() && depth < 32; depth++) {
      Region r = region.get();
      Optional<String> text =
          jdbc.sql("SELECT content FROM ca_guides WHERE region_code = ?")
              .param(r.code())
              .query(String.class)
              .optional();
      if (text.isPresent()) {
        return Optional.of(new RegionGuide(r.code(), r.name(), text.get()));
      }
      region = r.parentCode() == null ? Optional.empty() : regions.find(r.parentCode());
    }
    return Optional.empty();
  }
}
