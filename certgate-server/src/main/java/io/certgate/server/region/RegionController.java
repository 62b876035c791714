package io.certgate.server.region;

import io.certgate.server.api.ApiException;
import io.certgate.server.api.Inputs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Region administration (DESIGN.md §6): platform administrators only. */
@RestController
@RequestMapping("/api/admin/regions")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class RegionController {
  private final JdbcRegions regions;
  private final ApplicationEventPublisher events;

  RegionController(JdbcRegions regions, ApplicationEventPublisher events) {
    this.regions = regions;
    this.events = events;
  }

  record NewRegion(
      @NotBlank @Pattern(regexp = "\\d{6}", message = "须为6位数字") String code,
      @NotBlank @Size(max = 100) String name,
      @Nullable @Pattern(regexp = "\\d{6}", message = "须为6位数字") String parentCode,
      @Nullable Boolean caEnabled) {}

  record RegionChange(@NotBlank @Size(max = 100) String name, @Nullable Boolean caEnabled) {}

  @GetMapping
  List<Region> list() {
    return regions.all();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  Region create(@Valid @RequestBody NewRegion body, Authentication who) {
    if (regions.find(body.code()).isPresent()) {
      throw ApiException.conflict("区划代码已存在");
    }
    if (body.parentCode() != null && regions.find(body.parentCode()).isEmpty()) {
      throw ApiException.badRequest("上级区划不存在");
    }
    String name = Inputs.text(body.name(), "name", 100);
    regions.insert(body.code(), name, body.parentCode(), body.caEnabled());
    events.publishEvent(new RegionCreated(body.code(), name, who.getName()));
    return regions.find(body.code()).orElseThrow();
  }

  @PutMapping("/{code}")
  @Transactional
  Region update(
      @PathVariable String code, @Valid @RequestBody RegionChange body, Authentication who) {
    String name = Inputs.text(body.name(), "name", 100);
    if (!regions.update(code, name, body.caEnabled())) {
      throw ApiException.notFound();
    }
    events.publishEvent(new RegionUpdated(code, name, body.caEnabled(), who.getName()));
    return regions.find(code).orElseThrow();
  }
}
