package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import io.certgate.testpki.UserSpec;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Binding, listing, CA login, unbinding and renewal over HTTP with real keys. */
abstract class CaSuite extends CaPlatformIT {

  @Test
  void acceptsTheTokenAsAJsonObjectAndAsItsTextInAString() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    long memberId = user(admin, s.organization(), "MEMBER").path("id").asLong();
    UserCredentials lock = s.provider().issueUser("对象");

    // bind with the token as the object of DESIGN §5
    JsonNode ch = challenge(admin, "BIND", memberId);
    String token = token(lock.signature(), ch.path("nonce").asString(), ORIGIN);
    Browser.Res bound =
        admin.post(
            "/api/ca/bindings",
            "{\"userId\":%d,\"challengeId\":\"%s\",\"token\":%s}"
                .formatted(memberId, ch.path("challengeId").asString(), token));
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);

    // log in with the object, then with the same token's text in a string
    Browser b = browser();
    JsonNode login = challenge(b, "LOGIN", null);
    Browser.Res asObject =
        b.post(
            "/api/auth/ca",
            "{\"challengeId\":\"%s\",\"token\":%s}"
                .formatted(
                    login.path("challengeId").asString(),
                    token(lock.signature(), login.path("nonce").asString(), ORIGIN)));
    assertThat(asObject.status()).as(asObject.body()).isEqualTo(200);
    assertThat(asObject.json().path("user").path("id").asLong()).isEqualTo(memberId);
    assertThat(caLogin(browser(), lock.signature()).status()).isEqualTo(200);

    // any other JSON type is malformed input, and so is an object that is no token
    Browser other = browser();
    String id = challenge(other, "LOGIN", null).path("challengeId").asString();
    for (String bad : new String[] {"5", "[]", "true", "null", "\"\""}) {
      Browser.Res r =
          other.post("/api/auth/ca", "{\"challengeId\":\"%s\",\"token\":%s}".formatted(id, bad));
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.error()).as(bad).isEqualTo("BAD_REQUEST");
    }
    Browser.Res notToken =
        other.post(
            "/api/auth/ca", "{\"challengeId\":\"%s\",\"token\":{\"format\":7}}".formatted(id));
    assertThat(notToken.status()).isEqualTo(400);
    assertThat(notToken.error()).isIn("TOKEN_MALFORMED", "UNSUPPORTED_FORMAT");

    // and the OpenAPI description says both
    JsonNode docs = browser().get("/v3/api-docs").json();
    String field = docs.path("components").path("schemas").path("AuthTokenField").toString();
    assertThat(field).contains("oneOf", "#/components/schemas/AuthToken", "\"string\"");
  }

  @Test
  void bindsListsLogsInAndUnbinds() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.RSA_2048);
    Browser orgAdmin =
        loggedIn(user(admin, s.organization(), "ORG_ADMIN").path("username").asString(), PASSWORD);
    JsonNode member = user(admin, s.organization(), "MEMBER");
    long memberId = member.path("id").asLong();
    UserCredentials lock = s.provider().issueUser("梅里");

    Browser.Res bound = bind(orgAdmin, memberId, lock.signature());
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
    JsonNode b = bound.json();
    assertThat(b.propertyNames())
        .containsExactlyInAnyOrder(
            "id",
            "userId",
            "providerCode",
            "providerName",
            "lockId",
            "certificateName",
            "serialNumber",
            "notAfter",
            "boundBy",
            "boundAt");
    assertThat(b.path("userId").asLong()).isEqualTo(memberId);
    assertThat(b.path("providerCode").asString()).isEqualTo(s.provider().code());
    assertThat(b.path("lockId").asString()).isEqualTo(lock.lockId());
    assertThat(b.path("certificateName").asString()).isEqualTo("梅里");
    assertThat(b.path("serialNumber").asString())
        .isEqualToIgnoringCase(lock.signature().serialNumber().toString(16));

    JsonNode users = orgAdmin.get("/api/ca/users?bound=true&page=1&size=10").json();
    assertThat(users.path("total").asLong()).isEqualTo(1);
    JsonNode row = users.path("items").get(0);
    assertThat(row.path("userId").asLong()).isEqualTo(memberId);
    assertThat(row.path("bound").asBoolean()).isTrue();
    assertThat(row.path("bindings").get(0).path("lockId").asString()).isEqualTo(lock.lockId());
    assertThat(orgAdmin.get("/api/ca/users?bound=false").json().path("total").asLong())
        .isEqualTo(1);
    JsonNode list =
        orgAdmin.get("/api/ca/bindings?account=" + member.path("username").asString()).json();
    assertThat(list.path("total").asLong()).isEqualTo(1);
    assertThat(list.path("items").get(0).path("username").asString())
        .isEqualTo(member.path("username").asString());

    Browser anonymous = browser();
    anonymous.csrf();
    JsonNode ch = challenge(anonymous, "LOGIN", null);
    String before = anonymous.cookie("CERTGATE_SESSION").orElseThrow();
    Browser.Res login =
        postLogin(
            anonymous,
            ch.path("challengeId").asString(),
            token(lock.signature(), ch.path("nonce").asString(), ORIGIN));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.json().path("redirect").asString()).isEqualTo("/user-center");
    assertThat(login.json().path("user").path("id").asLong()).isEqualTo(memberId);
    assertThat(anonymous.cookie("CERTGATE_SESSION").orElseThrow()).isNotEqualTo(before);
    assertThat(anonymous.get("/api/session").json().path("user").path("id").asLong())
        .isEqualTo(memberId);

    Browser.Res unbound = orgAdmin.delete("/api/ca/bindings/" + b.path("id").asLong());
    assertThat(unbound.status()).as(unbound.body()).isEqualTo(204);
    Browser.Res again = caLogin(browser(), lock.signature());
    assertThat(again.status()).isEqualTo(401);
    assertThat(again.error()).isEqualTo("CA_NOT_BOUND");
    assertThat(again.json().path("message").asString()).contains("密码登录", "绑定");
    JsonNode audit = admin.get("/api/admin/audit?action=CA_UNBIND&size=1").json();
    assertThat(audit.path("items").get(0).path("target").asString()).contains(lock.lockId());
  }

  @Test
  void listingTotalsFollowEveryBindUnbindAndNewUser() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    Browser orgAdmin =
        loggedIn(user(admin, s.organization(), "ORG_ADMIN").path("username").asString(), PASSWORD);
    long memberId = user(admin, s.organization(), "MEMBER").path("id").asLong();
    assertThat(totals(orgAdmin)).containsExactly(2L, 0L, 2L, 0L);

    Browser.Res bound = bind(orgAdmin, memberId, s.provider().issueUser("计数").signature());
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
    assertThat(totals(orgAdmin)).containsExactly(2L, 1L, 1L, 1L);
    user(orgAdmin, s.organization(), "MEMBER");
    assertThat(totals(orgAdmin)).containsExactly(3L, 1L, 2L, 1L);
    assertThat(orgAdmin.delete("/api/ca/bindings/" + bound.json().path("id").asLong()).status())
        .isEqualTo(204);
    assertThat(totals(orgAdmin)).containsExactly(3L, 0L, 3L, 0L);
  }

  /** 共有 N 条 of: all users, bound, unbound, bindings. */
  private static java.util.List<Long> totals(Browser b) {
    return java.util.stream.Stream.of(
            "/api/ca/users",
            "/api/ca/users?bound=true",
            "/api/ca/users?bound=false",
            "/api/ca/bindings")
        .map(path -> b.get(path).json().path("total").asLong())
        .toList();
  }

  @Test
  void ellipticCurveAndSm2LocksBindAndLogIn() {
    Browser admin = admin();
    for (KeyKind kind : new KeyKind[] {KeyKind.EC_P256, KeyKind.SM2}) {
      Setup s = setup(admin, kind);
      long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
      UserCredentials lock = s.provider().issueUser("张三");
      assertThat(bind(admin, member, lock.signature()).status()).as(kind.name()).isEqualTo(201);
      Browser.Res login = caLogin(browser(), lock.signature());
      assertThat(login.status()).as(login.body()).isEqualTo(200);
      assertThat(login.json().path("user").path("id").asLong()).isEqualTo(member);
    }
  }

  @Test
  void memberBindsItsOwnLockAndOneUserMayHoldSeveral() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    JsonNode member = user(admin, s.organization(), "MEMBER");
    Browser self = loggedIn(member.path("username").asString(), PASSWORD);
    long id = member.path("id").asLong();
    assertThat(bind(self, id, s.provider().issueUser("一").signature()).status()).isEqualTo(201);
    assertThat(bind(self, id, s.provider().issueUser("二").signature()).status()).isEqualTo(201);
    JsonNode mine = self.get("/api/ca/users").json();
    assertThat(mine.path("total").asLong()).isEqualTo(1);
    assertThat(mine.path("items").get(0).path("bindings").size()).isEqualTo(2);
  }

  @Test
  void oneLockBindsOneAccountOnly() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.RSA_2048);
    long first = user(admin, s.organization(), "MEMBER").path("id").asLong();
    long second = user(admin, s.organization(), "MEMBER").path("id").asLong();
    UserCredentials lock = s.provider().issueUser("甲");
    assertThat(bind(admin, first, lock.signature()).status()).isEqualTo(201);
    Browser.Res again = bind(admin, second, lock.signature());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.error()).isEqualTo("CA_ALREADY_BOUND");
    Browser.Res same = bind(admin, first, lock.signature());
    assertThat(same.error()).isEqualTo("CA_ALREADY_BOUND");
    JsonNode audit = admin.get("/api/admin/audit?action=CA_BIND&outcome=FAILURE&size=1").json();
    assertThat(audit.path("items").get(0).path("reason").asString()).isEqualTo("CA_ALREADY_BOUND");
  }

  @Test
  void renewedCertificateOfABoundLockLogsInAndCarriesTheBindingOver() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.SM2);
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    String lockId = unique("LOCK-");
    UserCredentials old = s.provider().issueUser(UserSpec.builder("续期").lockId(lockId).build());
    assertThat(bind(admin, member, old.signature()).status()).isEqualTo(201);
    clock.advance(Duration.ofDays(1));
    UserCredentials renewed = s.provider().issueUser(UserSpec.builder("续期").lockId(lockId).build());
    assertThat(renewed.signature().serialNumber()).isNotEqualTo(old.signature().serialNumber());

    Browser.Res login = caLogin(browser(), renewed.signature());
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.json().path("user").path("id").asLong()).isEqualTo(member);
    admin = admin(); // a day later: the first session is past its absolute lifetime (12 h)
    JsonNode binding =
        admin
            .get("/api/ca/users?organizationId=" + s.organization() + "&bound=true")
            .json()
            .path("items")
            .get(0)
            .path("bindings")
            .get(0);
    assertThat(binding.path("serialNumber").asString())
        .isEqualToIgnoringCase(renewed.signature().serialNumber().toString(16));
    JsonNode audit = admin.get("/api/admin/audit?action=CA_RENEW&size=1").json();
    assertThat(audit.path("items").get(0).path("target").asString())
        .containsIgnoringCase(renewed.signature().serialNumber().toString(16));
    assertThat(caLogin(browser(), old.signature()).status()).isEqualTo(200);
  }

  @Test
  void disabledAccountCannotLogInByCa() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    UserCredentials lock = s.provider().issueUser("停用");
    assertThat(bind(admin, member, lock.signature()).status()).isEqualTo(201);
    Browser.Res off =
        admin.put("/api/admin/users/" + member + "/status", "{\"status\":\"DISABLED\"}");
    assertThat(off.status()).as(off.body()).isEqualTo(200);
    Browser.Res login = caLogin(browser(), lock.signature());
    assertThat(login.status()).isEqualTo(401);
    assertThat(login.error()).isEqualTo("ACCOUNT_DISABLED");
    JsonNode audit = admin.get("/api/admin/audit?action=LOGIN_CA&outcome=FAILURE&size=1").json();
    assertThat(audit.path("items").get(0).path("reason").asString()).isEqualTo("ACCOUNT_DISABLED");
  }

  @Test
  void wrongPasswordsNeverStopACaLogin() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    JsonNode member = user(admin, s.organization(), "MEMBER");
    UserCredentials lock = s.provider().issueUser("锁定");
    assertThat(bind(admin, member.path("id").asLong(), lock.signature()).status()).isEqualTo(201);
    Browser b = browser();
    wrongPasswords(b, member.path("username").asString(), 5);
    assertThat(passwordLogin(b, member.path("username").asString(), PASSWORD).error())
        .isEqualTo("BAD_CREDENTIALS");
    Browser.Res ca = caLogin(browser(), lock.signature());
    assertThat(ca.status()).as(ca.body()).isEqualTo(200);
    // and a CA login does not clear the password lock either: the factors are counted apart
    assertThat(passwordLogin(b, member.path("username").asString(), PASSWORD).error())
        .isEqualTo("BAD_CREDENTIALS");
  }

  @Test
  void failedCaLoginsHoldBackThatLockFromThatAddressOnly() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    UserCredentials unbound = s.provider().issueUser("未绑定");
    for (int i = 0; i < 10; i++) {
      assertThat(caLogin(browser(), unbound.signature()).error()).isEqualTo("CA_NOT_BOUND");
    }
    Browser.Res held = caLogin(browser(), unbound.signature());
    assertThat(held.status()).isEqualTo(429);
    assertThat(held.error()).isEqualTo("RATE_LIMITED");
    // another lock from the same address is not held back
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    UserCredentials other = s.provider().issueUser("另一把锁");
    assertThat(bind(admin, member, other.signature()).status()).isEqualTo(201);
    assertThat(caLogin(browser(), other.signature()).status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(16));
    assertThat(caLogin(browser(), unbound.signature()).error()).isEqualTo("CA_NOT_BOUND");
  }

  @Test
  void providersNeedAnExplicitRevocationChoiceAndWebAddressesOnly() {
    Browser admin = admin();
    TestProvider p = testProvider(KeyKind.EC_P256);
    String anchors = quote(p.anchorsPem());
    for (String revocation :
        new String[] {
          null,
          "{}",
          "{\"failure\":\"SOFT\"}",
          "{\"mode\":\"\"}",
          "{\"mode\":\"CRL\",\"crlUrls\":[\"file:///etc/passwd\"]}",
          "{\"mode\":\"CRL\",\"crlUrls\":[\"ftp://ca.example/ca.crl\"]}",
          "{\"mode\":\"CRL\",\"crlUrls\":[\"/ca.crl\"]}",
          "{\"mode\":\"OCSP\",\"ocspUrl\":\"file:/tmp/ocsp\"}",
          "{\"mode\":\"OCSP\",\"ocspUrl\":\"gopher://ca.example/\"}"
        }) {
      String body =
          revocation == null
              ? "{\"code\":\"%s\",\"name\":\"x\",\"anchors\":%s}".formatted(p.code(), anchors)
              : "{\"code\":\"%s\",\"name\":\"x\",\"revocation\":%s,\"anchors\":%s}"
                  .formatted(p.code(), revocation, anchors);
      Browser.Res r = admin.post("/api/admin/providers", body);
      assertThat(r.status()).as(String.valueOf(revocation)).isEqualTo(400);
      assertThat(r.error()).isEqualTo("BAD_REQUEST");
    }
    assertThat(admin.get("/api/admin/providers").body()).doesNotContain(p.code());
    register(admin, p, "{\"mode\":\"NONE\"}");
    // an update may not drop the policy either
    Browser.Res update =
        admin.put(
            "/api/admin/providers/" + p.code(),
            "{\"name\":\"x\",\"anchors\":%s}".formatted(anchors));
    assertThat(update.status()).isEqualTo(400);

    for (String url :
        new String[] {
          "/driver.exe",
          "//evil.example/driver.exe",
          "javascript:alert(1)",
          "http:///driver.exe",
          "ftp://ca.example/driver.exe",
          "driver.exe"
        }) {
      Browser.Res r =
          admin.post(
              "/api/admin/providers/" + p.code() + "/drivers",
              "{\"name\":\"驱动\",\"version\":\"1\",\"url\":%s}".formatted(quote(url)));
      assertThat(r.status()).as(url).isEqualTo(400);
    }
    Browser.Res ok =
        admin.post(
            "/api/admin/providers/" + p.code() + "/drivers",
            "{\"name\":\"驱动\",\"version\":\"1\",\"url\":\"HTTPS://ca.example/d.exe\"}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
  }

  @Test
  void providerAdministrationChecksAnchorsAndRights() {
    Browser admin = admin();
    TestProvider p = testProvider(KeyKind.RSA_2048);
    UserCredentials user = p.issueUser("终端");
    String endEntity =
        io.certgate.testpki.Pem.certificates(java.util.List.of(user.signature().certificate()));
    Browser.Res notCa =
        admin.post(
            "/api/admin/providers",
            "{\"code\":\"%s\",\"name\":\"x\",\"anchors\":%s}"
                .formatted(p.code(), quote(endEntity)));
    assertThat(notCa.status()).isEqualTo(400);
    assertThat(notCa.error()).isEqualTo("BAD_REQUEST");
    String issuingOnly =
        io.certgate.testpki.Pem.certificates(java.util.List.of(p.issuingCertificate()));
    assertThat(
            admin
                .post(
                    "/api/admin/providers",
                    "{\"code\":\"%s\",\"name\":\"x\",\"anchors\":%s}"
                        .formatted(p.code(), quote(issuingOnly)))
                .status())
        .isEqualTo(400);
    assertThat(
            admin
                .post(
                    "/api/admin/providers",
                    "{\"code\":\"%s\",\"name\":\"x\",\"anchors\":\"not pem\"}".formatted(p.code()))
                .status())
        .isEqualTo(400);
    assertThat(
            admin
                .post(
                    "/api/admin/providers",
                    "{\"code\":\"%s\",\"name\":\"x\",\"anchors\":%s,\"applicationUrl\":\"file:///etc/passwd\"}"
                        .formatted(p.code(), quote(p.anchorsPem())))
                .status())
        .isEqualTo(400);
    register(admin, p, "{\"mode\":\"NONE\"}");
    assertThat(
            admin
                .post(
                    "/api/admin/providers",
                    "{\"code\":\"%s\",\"name\":\"x\",\"revocation\":{\"mode\":\"NONE\"},\"anchors\":%s}"
                        .formatted(p.code(), quote(p.anchorsPem())))
                .status())
        .isEqualTo(409);
    Setup s = setup(admin, KeyKind.EC_P256);
    Browser orgAdmin =
        loggedIn(user(admin, s.organization(), "ORG_ADMIN").path("username").asString(), PASSWORD);
    assertThat(orgAdmin.get("/api/admin/providers").status()).isEqualTo(403);
    assertThat(orgAdmin.put("/api/admin/regions/" + s.region() + "/providers", "[]").status())
        .isEqualTo(403);
    assertThat(admin.put("/api/admin/regions/" + s.region() + "/providers", "[\"nope\"]").status())
        .isEqualTo(400);
  }

  @Test
  void childRegionInheritsItsParentsProviders() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.RSA_2048);
    String child = "4" + s.region().substring(1);
    Browser.Res created =
        admin.post(
            "/api/admin/regions",
            "{\"code\":\"%s\",\"name\":\"下级\",\"parentCode\":\"%s\"}".formatted(child, s.region()));
    assertThat(created.status()).as(created.body()).isIn(201, 409);
    JsonNode view = admin.get("/api/admin/regions/" + child + "/providers").json();
    assertThat(view.path("effective").get(0).asString()).isEqualTo(s.provider().code());
    long org = organizationIn(admin, child);
    long member = user(admin, org, "MEMBER").path("id").asLong();
    assertThat(bind(admin, member, s.provider().issueUser("下级").signature()).status())
        .isEqualTo(201);
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
