package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.core.token.AuthToken;
import io.certgate.core.token.AuthTokens;
import io.certgate.core.token.TokenAlgorithm;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import io.certgate.testpki.UserSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every DESIGN.md §6 code the bind and CA-login flow can raise, each from its own cause. */
abstract class CaRefusalSuite extends CaPlatformIT {

  @Test
  void caLoginAttemptsArePerIpRateLimitedThenAllowedAgain() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    UserCredentials lock = s.provider().issueUser("限速");
    assertThat(bind(admin, member, lock.signature()).status()).isEqualTo(201);
    Browser b = browser();
    b.csrf();
    int status = 0;
    for (int i = 0; i < 40 && status != 429; i++) {
      status = postLogin(b, "no-such-challenge", "{}").status();
    }
    assertThat(status).isEqualTo(429);
    // Even a valid token is refused while the window lasts: the limit comes before validation.
    JsonNode ch = challenge(b, "LOGIN", null);
    Browser.Res limited =
        postLogin(
            b,
            ch.path("challengeId").asString(),
            token(lock.signature(), ch.path("nonce").asString(), ORIGIN));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.error()).isEqualTo("RATE_LIMITED");

    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(caLogin(b, lock.signature()).status()).isEqualTo(200);
  }

  @Test
  void usedChallengeIsUnknownWhenReplayed() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    UserCredentials lock = s.provider().issueUser("重放");
    JsonNode ch = challenge(admin, "BIND", member);
    String token = token(lock.signature(), ch.path("nonce").asString(), ORIGIN);
    String id = ch.path("challengeId").asString();
    assertThat(postBinding(admin, member, id, token).status()).isEqualTo(201);
    Browser.Res replay = postBinding(admin, member, id, token);
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.error()).isEqualTo("CHALLENGE_UNKNOWN");
  }

  @Test
  void challengeOfAnotherSessionIsUnknown() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.RSA_2048);
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    UserCredentials lock = s.provider().issueUser("他人");
    assertThat(bind(admin, member, lock.signature()).status()).isEqualTo(201);
    Browser victim = browser();
    JsonNode ch = challenge(victim, "LOGIN", null);
    Browser attacker = browser();
    attacker.csrf();
    Browser.Res r =
        postLogin(
            attacker,
            ch.path("challengeId").asString(),
            token(lock.signature(), ch.path("nonce").asString(), ORIGIN));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("CHALLENGE_UNKNOWN");
  }

  @Test
  void bindChallengeCannotLogInAndLoginChallengeCannotBind() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    JsonNode member = user(admin, s.organization(), "MEMBER");
    long id = member.path("id").asLong();
    UserCredentials lock = s.provider().issueUser("用途");
    Browser self = loggedIn(member.path("username").asString(), PASSWORD);
    JsonNode login = challenge(self, "LOGIN", null);
    Browser.Res bind =
        postBinding(
            self,
            id,
            login.path("challengeId").asString(),
            token(lock.signature(), login.path("nonce").asString(), ORIGIN));
    assertThat(bind.error()).isEqualTo("CHALLENGE_UNKNOWN");
    assertThat(bind(self, id, lock.signature()).status()).isEqualTo(201);
    JsonNode forBind = challenge(self, "BIND", id);
    Browser.Res r =
        postLogin(
            self,
            forBind.path("challengeId").asString(),
            token(lock.signature(), forBind.path("nonce").asString(), ORIGIN));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("CHALLENGE_UNKNOWN");
  }

  @Test
  void bindChallengeForOneUserCannotBindAnother() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    long a = user(admin, s.organization(), "MEMBER").path("id").asLong();
    long b = user(admin, s.organization(), "MEMBER").path("id").asLong();
    JsonNode ch = challenge(admin, "BIND", a);
    Browser.Res r =
        postBinding(
            admin,
            b,
            ch.path("challengeId").asString(),
            token(s.provider().issueUser("换人").signature(), ch.path("nonce").asString(), ORIGIN));
    assertThat(r.error()).isEqualTo("CHALLENGE_UNKNOWN");
  }

  @Test
  void challengeExpiresAfterFiveMinutes() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    JsonNode ch = challenge(admin, "BIND", member);
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    Browser.Res r =
        postBinding(
            admin,
            member,
            ch.path("challengeId").asString(),
            token(s.provider().issueUser("过期").signature(), ch.path("nonce").asString(), ORIGIN));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("CHALLENGE_EXPIRED");
  }

  @Test
  void tokenSignedForAnotherOriginIsSignatureInvalid() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.RSA_2048);
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    JsonNode ch = challenge(admin, "BIND", member);
    String token =
        token(
            s.provider().issueUser("钓鱼").signature(),
            ch.path("nonce").asString(),
            "https://evil.example");
    Browser.Res r = postBinding(admin, member, ch.path("challengeId").asString(), token);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.error()).isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void encryptionOnlyCertificateIsNotASignatureCertificate() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    UserCredentials lock = s.provider().issueUser("加密");
    Browser.Res r = bind(admin, member, lock.encryption());
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.error()).isEqualTo("NOT_SIGNATURE_CERT");
    Browser.Res login = caLogin(browser(), lock.encryption());
    assertThat(login.status()).isEqualTo(401);
    assertThat(login.error()).isEqualTo("NOT_SIGNATURE_CERT");
  }

  @Test
  void expiredNotYetValidAndUntrustedCertificatesAreRefused() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.RSA_2048);
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    assertThat(bind(admin, member, variant(s.provider(), UserSpec.Variant.EXPIRED)).error())
        .isEqualTo("CERT_EXPIRED");
    assertThat(bind(admin, member, variant(s.provider(), UserSpec.Variant.NOT_YET_VALID)).error())
        .isEqualTo("CERT_NOT_YET_VALID");
    assertThat(bind(admin, member, variant(s.provider(), UserSpec.Variant.WRONG_EKU)).error())
        .isEqualTo("NOT_SIGNATURE_CERT");
    TestProvider stranger = testProvider(KeyKind.RSA_2048);
    Browser.Res r = bind(admin, member, stranger.issueUser("陌生").signature());
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.error()).isEqualTo("CERT_UNTRUSTED");
  }

  @Test
  void malformedTokensAreRefusedWithTheirCode() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    UserCredentials lock = s.provider().issueUser("格式");
    assertThat(withToken(admin, member, n -> "{not json").error()).isEqualTo("TOKEN_MALFORMED");
    assertThat(
            withToken(
                    admin,
                    member,
                    n ->
                        token(lock.signature(), n, ORIGIN)
                            .replace("certgate-auth/1", "certgate-auth/9"))
                .error())
        .isEqualTo("UNSUPPORTED_FORMAT");
    assertThat(
            withToken(
                    admin,
                    member,
                    n -> token(lock.signature(), n, ORIGIN).replace("\"ES256\"", "\"RS256\""))
                .error())
        .isEqualTo("ALGORITHM_MISMATCH");
    Browser.Res garbage =
        withToken(
            admin,
            member,
            n ->
                AuthTokens.toJson(
                    AuthToken.of(
                        new byte[] {0x30, 0x03, 0x02, 0x01, 0x01},
                        List.of(),
                        TokenAlgorithm.ES256,
                        new byte[8],
                        "x")));
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.error()).isEqualTo("CERT_MALFORMED");
    Browser.Res badJson =
        admin.post("/api/ca/bindings", "{\"userId\":\"1\",\"challengeId\":\"x\",\"token\":\"y\"}");
    assertThat(badJson.status()).isEqualTo(400);
    assertThat(badJson.error()).isEqualTo("BAD_REQUEST");
    String huge = "x".repeat(70_000);
    Browser.Res tooBig = postBinding(admin, member, "x", huge);
    assertThat(tooBig.status()).isBetween(400, 413);
    assertThat(tooBig.error()).isEqualTo("BAD_REQUEST");
    assertThat(admin.post("/api/ca/challenges", "{\"purpose\":\"SIGN\"}").error())
        .isEqualTo("BAD_REQUEST");
  }

  @Test
  void regionAndProviderRulesRefuseTheBind() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    enable(admin, s.region());
    Browser.Res notEnabled = bind(admin, member, s.provider().issueUser("未开通").signature());
    assertThat(notEnabled.status()).isEqualTo(422);
    assertThat(notEnabled.error()).isEqualTo("PROVIDER_DISABLED");

    enable(admin, s.region(), s.provider().code());
    Browser.Res off =
        admin.put("/api/admin/regions/" + s.region(), "{\"name\":\"关闭CA\",\"caEnabled\":false}");
    assertThat(off.status()).as(off.body()).isEqualTo(200);
    Browser.Res regionOff = bind(admin, member, s.provider().issueUser("区划").signature());
    assertThat(regionOff.status()).isEqualTo(422);
    assertThat(regionOff.error()).isEqualTo("REGION_CA_DISABLED");
  }

  /** The region tree is kept per node: a change through this node must count at the next login. */
  @Test
  void switchingARegionsCaOffAndOnCountsAtTheNextLogin() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    UserCredentials lock = s.provider().issueUser("区划开关");
    assertThat(bind(admin, member, lock.signature()).status()).isEqualTo(201);
    assertThat(caLogin(browser(), lock.signature()).status()).isEqualTo(200);

    Browser.Res off =
        admin.put("/api/admin/regions/" + s.region(), "{\"name\":\"关闭CA\",\"caEnabled\":false}");
    assertThat(off.status()).as(off.body()).isEqualTo(200);
    Browser.Res refused = caLogin(browser(), lock.signature());
    assertThat(refused.status()).isNotEqualTo(200);
    assertThat(refused.error()).isEqualTo("REGION_CA_DISABLED");

    Browser.Res on =
        admin.put("/api/admin/regions/" + s.region(), "{\"name\":\"开启CA\",\"caEnabled\":true}");
    assertThat(on.status()).as(on.body()).isEqualTo(200);
    assertThat(caLogin(browser(), lock.signature()).status()).isEqualTo(200);
  }

  @Test
  void disablingAProviderStopsItsBindsAndLogins() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.RSA_2048);
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    UserCredentials lock = s.provider().issueUser("停用CA");
    assertThat(bind(admin, member, lock.signature()).status()).isEqualTo(201);
    Browser.Res put =
        admin.put(
            "/api/admin/providers/" + s.provider().code(),
            "{\"name\":\"停用\",\"enabled\":false,\"revocation\":{\"mode\":\"NONE\"},\"anchors\":%s}"
                .formatted(quote(s.provider().anchorsPem())));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    Browser.Res login = caLogin(browser(), lock.signature());
    assertThat(login.status()).isEqualTo(401);
    assertThat(login.error()).isEqualTo("PROVIDER_DISABLED");
    long other = user(admin, s.organization(), "MEMBER").path("id").asLong();
    assertThat(bind(admin, other, s.provider().issueUser("再绑").signature()).error())
        .isEqualTo("PROVIDER_DISABLED");
  }

  @Test
  void bindingsAreNotFoundOrForbiddenAsAppropriate() {
    Browser admin = admin();
    assertThat(admin.delete("/api/ca/bindings/999999999").status()).isEqualTo(404);
    assertThat(
            admin
                .post("/api/ca/challenges", "{\"purpose\":\"BIND\",\"userId\":999999999}")
                .status())
        .isEqualTo(404);
    Browser anonymous = browser();
    assertThat(anonymous.post("/api/ca/challenges", "{\"purpose\":\"BIND\",\"userId\":1}").error())
        .isEqualTo("UNAUTHENTICATED");
    assertThat(anonymous.get("/api/ca/users").status()).isEqualTo(401);
  }

  private Browser.Res withToken(
      Browser admin, long member, java.util.function.Function<String, String> make) {
    JsonNode ch = challenge(admin, "BIND", member);
    return postBinding(
        admin, member, ch.path("challengeId").asString(), make.apply(ch.path("nonce").asString()));
  }

  private static io.certgate.testpki.Credential variant(TestProvider p, UserSpec.Variant v) {
    return p.issueUser(UserSpec.builder("变体" + v).variant(v).build()).signature();
  }
}
