package io.certgate.server.provider;

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
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads providers kept as code from {@code CERTGATE_PROVIDERS_DIR} at start-up: one folder per
 * provider holding {@code provider.yml} and its anchors as {@code *.pem} ({@code
 * ocsp-responder.pem}, if present, is the locally trusted OCSP responder). Keys of {@code
 * provider.yml}: {@code code}, {@code name}, {@code enabled}, {@code lockId}, {@code revocation}
 * ({@code mode}, {@code failure}, {@code crlUrls}, {@code ocspUrl}), {@code algorithms}, {@code
 * relaxProfileRules} (certificate profile rules not enforced for this provider, see core's {@code
 * ProfileRule}; none by default), {@code applicationUrl}, {@code regions} (region codes the
 * provider is enabled for). A folder that fails the same checks as the admin API is reported and
 * skipped; the others still load.
 */
@Component
@Order(100)
class ProviderDirectory implements ApplicationRunner {
  static final String ACTOR = "providers-dir";
  private static final Logger log = LoggerFactory.getLogger(ProviderDirectory.class);

  private final ProviderService service;
  private final JdbcProviders providers;
  private final Clock clock;
  private final String directory;

  ProviderDirectory(
      ProviderService service,
      JdbcProviders providers,
      Clock clock,
      @Value("${certgate.providers-dir:}") String directory) {
    this.service = service;
    this.providers = providers;
    this.clock = clock;
    this.directory = directory;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (directory.isBlank()) {
      return;
    }
    load(Path.of(directory));
  }

  /** Loads every provider folder under {@code root}; returns the codes loaded. */
  List<String> load(Path root) throws IOException {
    List<String> loaded = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      log.warn("CERTGATE_PROVIDERS_DIR {} is not a directory", root);
      return loaded;
    }
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        if (Files.isRegularFile(folder.resolve("provider.yml"))) {
          try {
            loaded.add(loadOne(folder));
          } catch (ApiException | IllegalArgumentException | ClassCastException e) {
            log.warn("CA provider folder {} skipped: {}", folder.getFileName(), e.getMessage());
          }
        }
      }
    }
    return loaded;
  }

  /** As through the API: no revocation checking only when {@code mode: NONE} says so. */
  private static String requiredMode(Map<String, Object> revocation, Path folder) {
    String mode = string(revocation.get("mode"), "");
    if (mode.isBlank()) {
      throw new IllegalArgumentException(
          folder.getFileName()
              + "/provider.yml: revocation.mode is missing (NONE must be explicit)");
    }
    return mode.toUpperCase(java.util.Locale.ROOT);
  }

  private String loadOne(Path folder) throws IOException {
    Map<String, Object> y = yaml(folder.resolve("provider.yml"));
    Map<String, Object> r = map(y.get("revocation"));
    String code = string(y.get("code"), folder.getFileName().toString());
    Provider p =
        new Provider(
            code,
            string(y.get("name"), code),
            !Boolean.FALSE.equals(y.get("enabled")),
            ProviderSpec.canonicalRule(string(y.get("lockId"), "SPKI_SHA256")),
            new Provider.Revocation(
                requiredMode(r, folder),
                string(r.get("failure"), "HARD").toUpperCase(java.util.Locale.ROOT),
                strings(r.get("crlUrls")),
                ProviderController.blankToNull(string(r.get("ocspUrl"), "")),
                optionalFile(folder.resolve("ocsp-responder.pem"))),
            anchors(folder),
            strings(y.get("algorithms")),
            strings(y.get("relaxProfileRules")),
            ProviderController.blankToNull(string(y.get("applicationUrl"), "")),
            ACTOR,
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    service.upsert(p);
    for (String region : strings(y.get("regions"))) {
      LinkedHashSet<String> list = new LinkedHashSet<>(providers.listOf(region).orElse(List.of()));
      list.add(code);
      service.setRegionProviders(region, List.copyOf(list), ACTOR);
    }
    log.info("CA provider {} loaded from {}", code, folder);
    return code;
  }

  private static String anchors(Path folder) throws IOException {
    StringBuilder pem = new StringBuilder();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f :
          files
              .filter(f -> f.getFileName().toString().endsWith(".pem"))
              .filter(f -> !f.getFileName().toString().equals("ocsp-responder.pem"))
              .sorted()
              .toList()) {
        pem.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
      }
    }
    return pem.toString();
  }

  private static @Nullable String optionalFile(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    Object doc =
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Files.readString(file, StandardCharsets.UTF_8));
    return doc instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(@Nullable Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static String string(@Nullable Object o, String otherwise) {
    return o == null ? otherwise : String.valueOf(o).strip();
  }

  private static List<String> strings(@Nullable Object o) {
    if (o instanceof List<?> list) {
      return list.stream().map(String::valueOf).map(String::strip).toList();
    }
    return o == null ? List.of() : List.of(String.valueOf(o).strip());
  }
}
