package io.certgate.server.provider;

import io.certgate.server.api.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Provider administration and enabling per region (DESIGN.md §6): platform administrators. */
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class ProviderController {
  private final ProviderService service;
  private final JdbcProviders providers;
  private final TrustRegistry registry;
  private final Clock clock;

  ProviderController(
      ProviderService service, JdbcProviders providers, TrustRegistry registry, Clock clock) {
    this.service = service;
    this.providers = providers;
    this.registry = registry;
    this.clock = clock;
  }

  record RevocationBody(
      @Nullable String mode,
      @Nullable String failure,
      @Nullable List<@NotBlank String> crlUrls,
      @Nullable String ocspUrl,
      @Nullable String ocspResponderCertificate) {}

  record ProviderBody(
      @Nullable String code,
      @NotBlank @Size(max = 100) String name,
      @Nullable Boolean enabled,
      @Nullable @Size(max = 200) String lockId,
      @Nullable @Valid RevocationBody revocation,
      @NotBlank @Size(max = 200_000) String anchors,
      @Nullable @Size(max = 1000) String applicationUrl,
      @Nullable List<@NotBlank String> algorithms,
      @Nullable List<@NotBlank String> relaxProfileRules) {}

  record RegionProviders(String regionCode, @Nullable List<String> own, Set<String> effective) {}

  @GetMapping("/providers")
  List<Provider> list() {
    return providers.all();
  }

  @PostMapping("/providers")
  @ResponseStatus(HttpStatus.CREATED)
  Provider create(@Valid @RequestBody ProviderBody body, Authentication who) {
    if (body.code() == null) {
      throw ApiException.badRequest("字段无效: code");
    }
    return service.create(provider(body.code(), body, who.getName()));
  }

  @PutMapping("/providers/{code}")
  Provider update(
      @PathVariable String code, @Valid @RequestBody ProviderBody body, Authentication who) {
    if (body.code() != null && !body.code().equals(code)) {
      throw ApiException.badRequest("服务商代码不可修改");
    }
    return service.update(provider(code, body, who.getName()));
  }

  @GetMapping("/regions/{code}/providers")
  RegionProviders regionProviders(@PathVariable String code) {
    return new RegionProviders(
        code, providers.listOf(code).orElse(null), providers.enabledFor(code));
  }

  @PutMapping("/regions/{code}/providers")
  RegionProviders setRegionProviders(
      @PathVariable String code,
      @NotNull @RequestBody List<@NotBlank String> codes,
      Authentication who) {
    service.setRegionProviders(code, codes, who.getName());
    return regionProviders(code);
  }

  /**
   * Downloads every provider's CRLs again now (after a revocation an operator must see at once).
   */
  @PostMapping("/ca/crls/refresh")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void refreshCrls() {
    registry.refreshCrls();
  }

  private Provider provider(String code, ProviderBody b, String actor) {
    RevocationBody r = b.revocation();
    if (r == null || r.mode() == null || r.mode().isBlank()) {
      // no revocation checking must be a choice someone made, never what an omission gives
      throw ApiException.badRequest("须指定吊销检查方式 revocation.mode(不检查须明确选择 NONE)");
    }
    String rule = b.lockId() == null ? "SPKI_SHA256" : b.lockId();
    try {
      rule = ProviderSpec.canonicalRule(rule);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    return new Provider(
        code,
        b.name().strip(),
        b.enabled() == null || b.enabled(),
        rule,
        new Provider.Revocation(
            r.mode().strip().toUpperCase(java.util.Locale.ROOT),
            r.failure() == null ? "HARD" : r.failure().strip().toUpperCase(java.util.Locale.ROOT),
            r.crlUrls() == null ? List.of() : r.crlUrls(),
            blankToNull(r.ocspUrl()),
            blankToNull(r.ocspResponderCertificate())),
        b.anchors(),
        b.algorithms() == null ? List.of() : b.algorithms(),
        relaxed(code, b),
        blankToNull(b.applicationUrl()),
        actor,
        clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  /**
   * The relaxed profile rules: as given, or, when the request leaves them out (the admin page's
   * form does not show them), the ones already stored, so that saving a provider elsewhere does not
   * silently switch a relaxation off or on.
   */
  private List<String> relaxed(String code, ProviderBody b) {
    if (b.relaxProfileRules() != null) {
      return b.relaxProfileRules();
    }
    return providers.find(code).map(Provider::relaxProfileRules).orElse(List.of());
  }

  static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
