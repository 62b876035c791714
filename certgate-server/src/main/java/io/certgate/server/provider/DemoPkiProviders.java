package io.certgate.server.provider;

import io.certgate.core.json.Json;
import io.certgate.core.json.JsonException;
import io.certgate.core.json.JsonLimits;
import io.certgate.core.json.JsonObject;
import io.certgate.core.json.JsonString;
import io.certgate.core.json.JsonValue;
import io.certgate.server.api.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo only: registers the providers of the demo PKI written by {@code io.certgate.testpki.DemoPki}
 * ({@code manifest.json}, format {@code certgate-demo-pki/1}) and enables them for region 330000,
 * with OCSP first and the CRL server as fallback, failing hard, so the demo's revoked user is
 * refused. Skipped when {@code CERTGATE_DEMO_PKI} has no manifest.
 */
@Component
@Profile("demo")
@Order(110)
class DemoPkiProviders implements ApplicationRunner {
  static final String DEMO_REGION = "330000";
  private static final Logger log = LoggerFactory.getLogger(DemoPkiProviders.class);

  private final ProviderService service;
  private final JdbcProviders providers;
  private final Clock clock;
  private final Path directory;

  DemoPkiProviders(
      ProviderService service,
      JdbcProviders providers,
      Clock clock,
      @Value("${certgate.ca.demo-pki:${CERTGATE_DEMO_PKI:demo-pki}}") String directory) {
    this.service = service;
    this.providers = providers;
    this.clock = clock;
    this.directory = Path.of(directory);
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    Path manifest = directory.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      log.info("No demo PKI at {}: demo CA providers not registered", directory.toAbsolutePath());
      return;
    }
    try {
      List<String> codes = register(Files.readString(manifest, StandardCharsets.UTF_8));
      LinkedHashSet<String> enabled =
          new LinkedHashSet<>(providers.listOf(DEMO_REGION).orElse(List.of()));
      enabled.addAll(codes);
      service.setRegionProviders(DEMO_REGION, List.copyOf(enabled), ProviderDirectory.ACTOR);
      log.info("Demo CA providers {} enabled for {}", codes, DEMO_REGION);
    } catch (JsonException | ApiException | IllegalArgumentException e) {
      log.warn("Demo PKI at {} not usable: {}", directory.toAbsolutePath(), e.getMessage());
    }
  }

  private List<String> register(String json) throws JsonException, IOException {
    JsonObject root = Json.parseObject(json, JsonLimits.DEFAULT);
    String rule = root.requireString("lockIdRule");
    List<String> codes = new ArrayList<>();
    for (JsonValue v : root.requireArray("providers").elements()) {
      JsonObject p = (JsonObject) v;
      List<String> crls = new ArrayList<>();
      for (JsonValue url : p.requireArray("crlUrls").elements()) {
        crls.add(((JsonString) url).value());
      }
      String code = p.requireString("code");
      service.upsert(
          new Provider(
              code,
              p.requireString("name"),
              true,
              ProviderSpec.canonicalRule(rule),
              new Provider.Revocation(
                  "OCSP_THEN_CRL", "HARD", crls, p.requireString("ocspUrl"), null),
              Files.readString(directory.resolve(p.requireString("anchors"))),
              List.of(),
              List.of(),
              "https://ca.example.com/" + code + "/apply",
              ProviderDirectory.ACTOR,
              clock.instant().truncatedTo(ChronoUnit.MILLIS)));
      codes.add(code);
    }
    return codes;
  }
}
