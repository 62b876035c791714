package io.certgate.server.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.server.Browser;
import io.certgate.server.PlatformIT;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.Pem;
import io.certgate.testpki.TestCa;
import io.certgate.testpki.TestOids;
import io.certgate.testpki.TestProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Providers kept as code: folders of provider.yml and PEM anchors, loaded at start-up. */
@TestPropertySource(
    properties =
        "spring.datasource.url=jdbc:h2:mem:certgate-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ProviderDirectoryIT extends PlatformIT {
  @Autowired ProviderDirectory directory;
  @Autowired JdbcProviders providers;
  @Autowired DbTrustRegistry registry;

  @Test
  void loadsEachProviderFolderAndSkipsABrokenOne(@TempDir Path root) throws Exception {
    Browser admin = admin();
    region(admin);
    String code = unique("dir");
    TestProvider p = TestProvider.create(code, KeyKind.SM2, clock);
    Path good = Files.createDirectories(root.resolve("a-good"));
    Files.writeString(
        good.resolve("provider.yml"),
        """
        code: %s
        name: 目录CA
        lockId: "%s"
        revocation:
          mode: NONE
        algorithms: [SM2SM3]
        applicationUrl: https://dir.example/apply
        regions: ["339900"]
        """
            .formatted(code, TestOids.LOCK_ID_EXTENSION_RULE));
    Files.writeString(good.resolve("anchors.pem"), p.anchorsPem());
    Path broken = Files.createDirectories(root.resolve("b-broken"));
    Files.writeString(broken.resolve("provider.yml"), "code: " + unique("bad") + "\nname: 坏\n");
    Files.writeString(
        broken.resolve("anchors.pem"),
        Pem.certificates(List.of(p.issueUser("终端").signature().certificate())));

    assertThat(directory.load(root)).containsExactly(code);

    JsonNode listed = admin.get("/api/admin/providers").json();
    assertThat(listed.toString()).contains("\"code\":\"" + code + "\"");
    JsonNode region = admin.get("/api/admin/regions/339900/providers").json();
    assertThat(region.path("effective").toString()).contains(code);
    assertThat(directory.load(root)).containsExactly(code); // idempotent: upsert
  }

  @Test
  void clashingRowsStoredAroundTheApiAreBothLeftOutOfTheValidator() {
    TestCa ca = TestCa.root("CN=" + unique("旁路根") + ",O=Root", KeyKind.EC_P256, clock.instant());
    String first = unique("ra");
    String second = unique("rb");
    String anchors = Pem.certificates(List.of(ca.certificate()));
    providers.insert(row(first, anchors));
    providers.insert(row(second, anchors)); // as a hand edit or two nodes saving at once could

    registry.reload();

    assertThat(registry.trustedCodes()).doesNotContain(first, second);
  }

  private Provider row(String code, String anchors) {
    return new Provider(
        code,
        code,
        true,
        "SPKI_SHA256",
        new Provider.Revocation("NONE", "HARD", List.of(), null, null),
        anchors,
        List.of(),
        List.of(),
        null,
        "test",
        clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  @Test
  void skipsAFolderWhoseProviderClashesWithAStoredOne(@TempDir Path root) throws Exception {
    Browser admin = admin();
    region(admin);
    TestCa ca = TestCa.root("CN=" + unique("目录根") + ",O=Root", KeyKind.EC_P256, clock.instant());
    String stored = unique("st");
    Browser.Res created =
        admin.post(
            "/api/admin/providers",
            ("{\"code\":\"%s\",\"name\":\"根CA\",\"enabled\":true,\"lockId\":\"SPKI_SHA256\","
                    + "\"revocation\":{\"mode\":\"NONE\"},\"anchors\":%s}")
                .formatted(stored, quote(Pem.certificates(List.of(ca.certificate())))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String code = unique("fo");
    Path folder = Files.createDirectories(root.resolve(code));
    Files.writeString(folder.resolve("provider.yml"), "code: %s\nname: 重叠CA\n".formatted(code));
    Files.writeString(
        folder.resolve("anchors.pem"),
        Pem.certificates(List.of(ca.certificate(), ca.subordinate("CN=子CA").certificate())));

    assertThat(directory.load(root)).isEmpty();
    assertThat(admin.get("/api/admin/providers").body()).doesNotContain("\"" + code + "\"");
  }
}
