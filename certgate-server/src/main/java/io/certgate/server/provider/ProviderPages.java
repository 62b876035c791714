package io.certgate.server.provider;

import io.certgate.server.api.ApiException;
import io.certgate.server.region.Region;
import io.certgate.server.region.Regions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * CA驱动下载 (per region: the CertGate client and each enabled provider's drivers, public), the
 * client's download itself, CA证书办理 (links to the providers' application services), and the
 * administration of driver entries.
 */
@Controller
class ProviderPages {
  static final String CLIENT_FILE = "certgate-agent.jar";

  private final JdbcProviders providers;
  private final JdbcDrivers drivers;
  private final Regions regions;
  private final ClientPackages packages;
  private final String agentVersion;
  private final java.time.Clock clock;

  ProviderPages(
      JdbcProviders providers,
      JdbcDrivers drivers,
      Regions regions,
      java.time.Clock clock,
      ClientPackages packages,
      @Value("${certgate.ca.agent-version:0.1.0}") String agentVersion) {
    this.providers = providers;
    this.drivers = drivers;
    this.regions = regions;
    this.clock = clock;
    this.packages = packages;
    this.agentVersion = agentVersion;
  }

  /** A region's downloads: the providers enabled there, each with its drivers. */
  record RegionDownloads(Region region, List<ProviderDrivers> providers) {}

  record ProviderDrivers(Provider provider, List<JdbcDrivers.Driver> drivers) {}

  @GetMapping("/ca/drivers")
  String driversPage(
      Model model,
      @org.springframework.web.bind.annotation.RequestHeader(
              value = HttpHeaders.USER_AGENT,
              required = false)
          @org.jspecify.annotations.Nullable
          String userAgent) {
    List<JdbcDrivers.Driver> all = drivers.all();
    Map<String, Provider> byCode = new LinkedHashMap<>();
    providers.all().forEach(p -> byCode.put(p.code(), p));
    List<RegionDownloads> list =
        regions.all().stream()
            .filter(Region::effectiveCaEnabled)
            .map(
                r -> {
                  Set<String> enabled = providers.enabledFor(r.code());
                  List<ProviderDrivers> ps =
                      enabled.stream()
                          .sorted()
                          .map(byCode::get)
                          .filter(p -> p != null)
                          .map(
                              p ->
                                  new ProviderDrivers(
                                      p,
                                      all.stream()
                                          .filter(d -> d.providerCode().equals(p.code()))
                                          .toList()))
                          .toList();
                  return new RegionDownloads(r, ps);
                })
            .filter(r -> !r.providers().isEmpty())
            .toList();
    ClientPackages.Os os = ClientPackages.Os.fromUserAgent(userAgent);
    List<ClientPackages.Package> offered = packages.all();
    Optional<ClientPackages.Package> fitting =
        offered.stream().filter(p -> p.os() == os && os != ClientPackages.Os.UNKNOWN).findFirst();
    // no package for this system: the any-OS client (Java needed) is still offered first
    Optional<ClientPackages.Package> first =
        fitting.or(() -> offered.stream().filter(p -> p.os() == ClientPackages.Os.ANY).findFirst());
    model.addAttribute("title", "CA驱动下载");
    model.addAttribute("regions", list);
    model.addAttribute("visitorOs", os);
    model.addAttribute("fits", fitting.isPresent());
    model.addAttribute("first", first.orElse(null));
    model.addAttribute(
        "others", offered.stream().filter(p -> first.map(f -> f != p).orElse(true)).toList());
    model.addAttribute("clientVersion", agentVersion);
    model.addAttribute("clientUpdated", first.map(p -> modified(p.path())).orElse(null));
    return "ca/drivers";
  }

  /** A package by the name the page lists; names not listed (paths, {@code ..}) are 404. */
  @GetMapping("/downloads/{name}")
  ResponseEntity<Resource> download(@PathVariable String name) {
    ClientPackages.Package p = packages.find(name).orElseThrow(ApiException::notFound);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            org.springframework.http.ContentDisposition.attachment()
                .filename(p.name(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(new FileSystemResource(p.path()));
  }

  @GetMapping("/ca/apply")
  String apply(Model model) {
    model.addAttribute("title", "CA证书办理");
    model.addAttribute("providers", providers.all().stream().filter(Provider::enabled).toList());
    return "ca/apply";
  }

  record NewDriver(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 64) String version,
      @NotBlank
          @Size(max = 1000)
          @Pattern(regexp = "(?i)https?://[^/?#\\s\\\\]+[^\\s]*", message = "须为完整的http(s)地址")
          String url) {}

  @PostMapping("/api/admin/providers/{code}/drivers")
  @PreAuthorize("hasRole('PLATFORM_ADMIN')")
  @ResponseStatus(HttpStatus.CREATED)
  @ResponseBody
  List<JdbcDrivers.Driver> addDriver(
      @PathVariable String code, @Valid @RequestBody NewDriver body) {
    if (providers.find(code).isEmpty()) {
      throw ApiException.notFound();
    }
    drivers.insert(
        code,
        body.name().strip(),
        body.version().strip(),
        body.url().strip(),
        clock
            .instant()
            .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
            .atOffset(java.time.ZoneOffset.UTC));
    return drivers.all().stream().filter(d -> d.providerCode().equals(code)).toList();
  }

  @DeleteMapping("/api/admin/drivers/{id}")
  @PreAuthorize("hasRole('PLATFORM_ADMIN')")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteDriver(@PathVariable long id) {
    if (!drivers.delete(id)) {
      throw ApiException.notFound();
    }
  }

  private static Instant modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }
}
