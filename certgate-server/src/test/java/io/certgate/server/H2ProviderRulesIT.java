package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.Pem;
import io.certgate.testpki.TestCa;
import io.certgate.testpki.TestOids;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 §3: a certificate profile rule (here: authorityKeyIdentifier) is enforced unless the
 * provider relaxes that rule, and every certificate a relaxed rule lets through is audited.
 */
@TestPropertySource(properties = PlatformDatabases.H2)
class H2ProviderRulesIT extends CaPlatformIT {

  @Test
  void profileRuleIsEnforcedUnlessTheProviderRelaxesItAndEachUseIsAudited() {
    Browser admin = admin();
    String region = caRegion(admin);
    TestCa strictRoot =
        TestCa.root("CN=" + unique("严格根") + ",O=R", KeyKind.EC_P256, clock.instant());
    TestCa laxRoot = TestCa.root("CN=" + unique("放宽根") + ",O=R", KeyKind.EC_P256, clock.instant());
    String strict = unique("st");
    String lax = unique("lx");
    assertThat(register(admin, strict, "[]", strictRoot.certificate()).status()).isEqualTo(201);
    assertThat(register(admin, lax, "[\"AUTHORITY_KEY_ID\"]", laxRoot.certificate()).status())
        .isEqualTo(201);
    Browser.Res unknownRule =
        register(admin, unique("uk"), "[\"NO_SUCH_RULE\"]", strictRoot.certificate());
    enable(admin, region, strict, lax);
    long org = organizationIn(admin, region);
    long member = user(admin, org, "MEMBER").path("id").asLong();

    Browser.Res refused =
        bind(admin, member, withoutAuthorityKeyId(strictRoot.subordinate("CN=I")));
    Credential relaxed = withoutAuthorityKeyId(laxRoot.subordinate("CN=I"));
    Browser.Res accepted = bind(admin, member, relaxed);

    assertThat(unknownRule.status()).isEqualTo(400);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().path("error").asString()).isEqualTo("CERT_UNTRUSTED");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    JsonNode audit = admin.get("/api/admin/audit?action=CA_PROFILE_RELAXED&size=1").json();
    assertThat(audit.path("items").get(0).path("target").asString())
        .contains("provider:" + lax, "AUTHORITY_KEY_ID");
  }

  @Test
  void savingAProviderWithoutTheFieldKeepsItsRelaxations() {
    Browser admin = admin();
    TestCa root = TestCa.root("CN=" + unique("保留根") + ",O=R", KeyKind.EC_P256, clock.instant());
    String code = unique("kp");
    assertThat(register(admin, code, "[\"SERIAL_NUMBER\"]", root.certificate()).status())
        .isEqualTo(201);

    Browser.Res saved =
        admin.put(
            "/api/admin/providers/" + code,
            ("{\"name\":\"改名CA\",\"enabled\":true,\"revocation\":{\"mode\":\"NONE\"},"
                    + "\"anchors\":%s}")
                .formatted(quote(Pem.certificates(List.of(root.certificate())))));
    Browser.Res cleared =
        admin.put(
            "/api/admin/providers/" + code,
            ("{\"name\":\"改名CA\",\"enabled\":true,\"revocation\":{\"mode\":\"NONE\"},"
                    + "\"anchors\":%s,\"relaxProfileRules\":[]}")
                .formatted(quote(Pem.certificates(List.of(root.certificate())))));

    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().path("relaxProfileRules").toString()).isEqualTo("[\"SERIAL_NUMBER\"]");
    assertThat(cleared.json().path("relaxProfileRules").toString()).isEqualTo("[]");
  }

  private static Credential withoutAuthorityKeyId(TestCa issuing) {
    KeyPair keys = issuing.newKeys();
    List<Extension> extensions =
        new ArrayList<>(issuing.userExtensions(keys.getPublic(), unique("LOCK-")));
    extensions.removeIf(e -> e.getExtnId().equals(Extension.authorityKeyIdentifier));
    X509Certificate cert =
        issuing.issueExactly(new X500Name("CN=无AKI用户"), keys.getPublic(), extensions);
    return new Credential(cert, keys.getPrivate(), issuing.chain());
  }

  private Browser.Res register(Browser admin, String code, String rules, X509Certificate root) {
    return admin.post(
        "/api/admin/providers",
        ("{\"code\":\"%s\",\"name\":\"规则CA %s\",\"enabled\":true,\"lockId\":\"%s\","
                + "\"revocation\":{\"mode\":\"NONE\"},\"anchors\":%s,\"relaxProfileRules\":%s}")
            .formatted(
                code,
                code,
                TestOids.LOCK_ID_EXTENSION_RULE,
                quote(Pem.certificates(List.of(root))),
                rules));
  }
}
