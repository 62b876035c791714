package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.Pem;
import io.certgate.testpki.TestCa;
import io.certgate.testpki.TestOids;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 §1 end to end: providers sharing a root (北京CA and 北京-乌海定制CA under one national root), a
 * sub-CA no provider lists, and overlapping configurations (DESIGN §3).
 */
@TestPropertySource(properties = PlatformDatabases.H2)
class H2ProviderConfusionIT extends CaPlatformIT {
  @Test
  void certificateOfAnotherProviderOrOfAnUnlistedSubCaNeverLogsInAsTheVictim() {
    Browser admin = admin();
    String region = caRegion(admin);
    TestCa root = TestCa.root("CN=" + unique("国家根") + ",O=Root", KeyKind.EC_P256, clock.instant());
    TestCa beijing = root.subordinate("CN=北京CA,O=" + unique("BJCA"));
    TestCa wuhai = root.subordinate("CN=北京-乌海定制CA,O=" + unique("BJCA"));
    TestCa unlisted = root.subordinate("CN=Unlisted,O=" + unique("X"));
    String a = unique("bj");
    String b = unique("wh");
    assertThat(register(admin, a, root.certificate(), beijing.certificate()).status())
        .isEqualTo(201);
    assertThat(register(admin, b, root.certificate(), wuhai.certificate()).status()).isEqualTo(201);
    enable(admin, region, a, b);
    long org = organizationIn(admin, region);
    long victim = user(admin, org, "MEMBER").path("id").asLong();
    String lockId = unique("VICTIM-");
    Credential own = beijing.user("CN=受害人", lockId);
    assertThat(bind(admin, victim, own).status()).isEqualTo(201);

    Browser.Res viaOtherProvider = caLogin(browser(), wuhai.user("CN=冒充者", lockId));
    Browser.Res viaUnlistedSubCa = caLogin(browser(), unlisted.user("CN=冒充者", lockId));

    assertThat(viaOtherProvider.status()).isEqualTo(401);
    assertThat(viaOtherProvider.json().path("error").asString()).isEqualTo("CA_NOT_BOUND");
    assertThat(viaUnlistedSubCa.status()).isEqualTo(401);
    assertThat(viaUnlistedSubCa.json().path("error").asString()).isEqualTo("CERT_UNTRUSTED");
    JsonNode binding =
        admin
            .get("/api/ca/users?organizationId=" + org + "&bound=true")
            .json()
            .path("items")
            .get(0)
            .path("bindings")
            .get(0);
    assertThat(binding.path("providerCode").asString()).isEqualTo(a);
    assertThat(binding.path("serialNumber").asString())
        .isEqualToIgnoringCase(own.serialNumber().toString(16));
    Browser.Res rightful = caLogin(browser(), own);
    assertThat(rightful.status()).as(rightful.body()).isEqualTo(200);
    assertThat(rightful.json().path("user").path("id").asLong()).isEqualTo(victim);
  }

  @Test
  void adminApiRefusesASecondProviderOnTheSameRootUnlessEachListsItsIssuingCas() {
    Browser admin = admin();
    TestCa root = TestCa.root("CN=" + unique("共享根") + ",O=Root", KeyKind.EC_P256, clock.instant());
    TestCa issuing = root.subordinate("CN=签发CA,O=" + unique("I"));
    TestCa other = root.subordinate("CN=另一签发CA,O=" + unique("I"));
    String first = unique("rt");
    assertThat(register(admin, first, root.certificate()).status()).isEqualTo(201);

    Browser.Res clash = register(admin, unique("cl"), root.certificate(), issuing.certificate());
    String second = unique("ok");
    Browser.Res updated = update(admin, first, root.certificate(), other.certificate());
    Browser.Res separate = register(admin, second, root.certificate(), issuing.certificate());
    Browser.Res sameIssuing =
        register(admin, unique("du"), root.certificate(), other.certificate());

    assertThat(clash.status()).isEqualTo(409);
    assertThat(clash.json().path("message").asString()).contains(first);
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(separate.status()).as(separate.body()).isEqualTo(201);
    assertThat(sameIssuing.status()).isEqualTo(409);
    assertThat(sameIssuing.json().path("message").asString()).contains(first);
  }

  private Browser.Res register(Browser admin, String code, X509Certificate... anchors) {
    return admin.post("/api/admin/providers", body(code, anchors));
  }

  private Browser.Res update(Browser admin, String code, X509Certificate... anchors) {
    return admin.put("/api/admin/providers/" + code, body(code, anchors));
  }

  private static String body(String code, X509Certificate... anchors) {
    return ("{\"code\":\"%s\",\"name\":\"测试CA %s\",\"enabled\":true,\"lockId\":\"%s\","
            + "\"revocation\":{\"mode\":\"NONE\"},\"anchors\":%s}")
        .formatted(
            code, code, TestOids.LOCK_ID_EXTENSION_RULE, quote(Pem.certificates(List.of(anchors))));
  }
}
