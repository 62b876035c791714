package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.core.token.AuthToken;
import io.certgate.core.token.AuthTokens;
import io.certgate.core.token.TokenAlgorithm;
import io.certgate.core.token.TokenSigner;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestOids;
import io.certgate.testpki.TestProvider;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import tools.jackson.databind.JsonNode;

/**
 * Base of the CA suites: test providers from certgate-testpki on the server's own moving clock,
 * registered through the admin API, and auth tokens signed with their real keys, the way the local
 * client signs them (DESIGN.md §5).
 */
abstract class CaPlatformIT extends PlatformIT {
  static final String ORIGIN = "http://localhost:8080";
  static final Provider BC = new BouncyCastleProvider();

  /** A fresh region under 330000 (CA business inherited: enabled) with its own provider list. */
  protected String caRegion(Browser admin) {
    region(admin);
    for (int attempt = 0; attempt < 20; attempt++) {
      String code = "3" + (50000 + ThreadLocalRandom.current().nextInt(49999));
      Browser.Res r =
          admin.post(
              "/api/admin/regions",
              "{\"code\":\"%s\",\"name\":\"测试区划%s\",\"parentCode\":\"330000\"}"
                  .formatted(code, code));
      if (r.status() == 201) {
        return code;
      }
    }
    throw new IllegalStateException("no free region code");
  }

  protected long organizationIn(Browser admin, String regionCode) {
    Browser.Res r =
        admin.post(
            "/api/admin/organizations",
            "{\"name\":%s,\"regionCode\":\"%s\",\"kind\":\"SUPPLIER\",\"creditCode\":\"%s\"}"
                .formatted(quote(unique("CA机构")), regionCode, creditCode()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  /** A test provider on the server's clock (no revocation URLs). */
  protected TestProvider testProvider(KeyKind kind) {
    return TestProvider.builder().code(unique("p")).keyKind(kind).clock(clock).build();
  }

  /** Registers the provider (lock ID from the testpki extension) with the revocation JSON given. */
  protected void register(Browser admin, TestProvider p, String revocationJson) {
    Browser.Res r =
        admin.post(
            "/api/admin/providers",
            "{\"code\":\"%s\",\"name\":\"测试CA %s\",\"enabled\":true,\"lockId\":\"%s\",\"revocation\":%s,\"anchors\":%s,\"applicationUrl\":\"https://ca.example/apply\"}"
                .formatted(
                    p.code(),
                    p.code(),
                    TestOids.LOCK_ID_EXTENSION_RULE,
                    revocationJson,
                    quote(p.anchorsPem())));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  protected void enable(Browser admin, String regionCode, String... providerCodes) {
    StringBuilder list = new StringBuilder("[");
    for (String c : providerCodes) {
      list.append(list.length() > 1 ? "," : "").append('"').append(c).append('"');
    }
    Browser.Res r = admin.put("/api/admin/regions/" + regionCode + "/providers", list + "]");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  /** A region, an organisation in it, and a provider without revocation enabled for the region. */
  protected record Setup(String region, long organization, TestProvider provider) {}

  protected Setup setup(Browser admin, KeyKind kind) {
    String region = caRegion(admin);
    TestProvider p = testProvider(kind);
    register(admin, p, "{\"mode\":\"NONE\"}");
    enable(admin, region, p.code());
    return new Setup(region, organizationIn(admin, region), p);
  }

  /** A BIND or LOGIN challenge of this browser's session. */
  protected JsonNode challenge(Browser b, String purpose, Long userId) {
    String body =
        userId == null
            ? "{\"purpose\":\"%s\"}".formatted(purpose)
            : "{\"purpose\":\"%s\",\"userId\":%d}".formatted(purpose, userId);
    Browser.Res r = b.post("/api/ca/challenges", body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** The auth token the local client would produce for this nonce, signed for {@code origin}. */
  static String token(Credential c, String nonce, String origin) {
    try {
      TokenAlgorithm alg = TokenAlgorithm.forKey(c.publicKey());
      byte[] signature = TokenSigner.sign(alg, c.privateKey(), BC, WebOrigin.of(origin), nonce);
      return AuthTokens.toJson(
          AuthToken.of(c.certificate().getEncoded(), ders(c.issuers()), alg, signature, "test/1"));
    } catch (GeneralSecurityException | io.certgate.core.CertGateException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<byte[]> ders(List<X509Certificate> certificates) throws CertificateEncodingException {
    List<byte[]> out = new ArrayList<>();
    for (X509Certificate c : certificates) {
      out.add(c.getEncoded());
    }
    return out;
  }

  /** Binds the credential's lock to the user, acting as {@code actor}. */
  protected Browser.Res bind(Browser actor, long userId, Credential c) {
    String challengeId = "";
    String nonce = "";
    Browser.Res ch =
        actor.post("/api/ca/challenges", "{\"purpose\":\"BIND\",\"userId\":%d}".formatted(userId));
    if (ch.status() != 200) {
      return ch;
    }
    challengeId = ch.json().path("challengeId").asString();
    nonce = ch.json().path("nonce").asString();
    return postBinding(actor, userId, challengeId, token(c, nonce, ORIGIN));
  }

  protected Browser.Res postBinding(Browser actor, long userId, String challengeId, String token) {
    return actor.post(
        "/api/ca/bindings",
        "{\"userId\":%d,\"challengeId\":\"%s\",\"token\":%s}"
            .formatted(userId, challengeId, quote(token)));
  }

  /** A CA login in a browser: LOGIN challenge, token, POST /api/auth/ca. */
  protected Browser.Res caLogin(Browser b, Credential c) {
    JsonNode ch = challenge(b, "LOGIN", null);
    return postLogin(
        b, ch.path("challengeId").asString(), token(c, ch.path("nonce").asString(), ORIGIN));
  }

  protected Browser.Res postLogin(Browser b, String challengeId, String token) {
    return b.post(
        "/api/auth/ca",
        "{\"challengeId\":\"%s\",\"token\":%s}".formatted(challengeId, quote(token)));
  }
}
