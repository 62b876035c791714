package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certgate.core.token.SignedData;
import io.certgate.core.token.TokenAlgorithm;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.Credential;
import io.certgate.testpki.CrlServer;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.OcspResponder;
import io.certgate.testpki.Pem;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Revocation through real CRL and OCSP servers on loopback (DESIGN.md §8 step 7), and tokens whose
 * signatures OpenSSL makes.
 */
abstract class CaRevocationSuite extends CaPlatformIT {
  private static CrlServer crls;
  private static OcspResponder ocsp;

  @BeforeAll
  static void servers() throws IOException {
    crls = CrlServer.start();
    ocsp = OcspResponder.start();
  }

  @AfterAll
  static void stop() {
    crls.close();
    ocsp.close();
  }

  private Setup revocable(
      Browser admin, KeyKind kind, java.util.function.Function<TestProvider, String> revocation) {
    String region = caRegion(admin);
    TestProvider p =
        TestProvider.builder()
            .code(unique("r"))
            .keyKind(kind)
            .clock(clock)
            .crlServer(crls)
            .ocspResponder(ocsp)
            .build();
    register(admin, p, revocation.apply(p));
    enable(admin, region, p.code());
    return new Setup(region, organizationIn(admin, region), p);
  }

  private static String crlJson(TestProvider p) {
    return "{\"mode\":\"CRL\",\"failure\":\"HARD\",\"crlUrls\":[\"%s\",\"%s\"]}"
        .formatted(crls.issuingCrlUrl(p.code()), crls.rootCrlUrl(p.code()));
  }

  private static java.util.function.Function<TestProvider, String> ocspJson(String failure) {
    return p ->
        "{\"mode\":\"OCSP\",\"failure\":\"%s\",\"ocspUrl\":\"%s\"}".formatted(failure, ocsp.url());
  }

  @Test
  void certificateRevokedOnTheCrlIsRefused() {
    Browser admin = admin();
    Setup s = revocable(admin, KeyKind.EC_P256, CaRevocationSuite::crlJson);
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    UserCredentials revoked = s.provider().issueUser("吊销");
    UserCredentials good = s.provider().issueUser("正常");
    assertThat(bind(admin, member, good.signature()).status()).isEqualTo(201);
    s.provider().revoke(revoked.signature().certificate());
    s.provider().revoke(good.signature().certificate());
    Browser.Res refresh = admin.post("/api/admin/ca/crls/refresh", "");
    assertThat(refresh.status()).as(refresh.body()).isEqualTo(204);
    Browser.Res r = bind(admin, member, revoked.signature());
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.error()).isEqualTo("CERT_REVOKED");
    Browser.Res login = caLogin(browser(), good.signature());
    assertThat(login.status()).isEqualTo(401);
    assertThat(login.error()).isEqualTo("CERT_REVOKED");
  }

  @Test
  void certificateRevokedAtTheOcspResponderIsRefused() {
    Browser admin = admin();
    Setup s = revocable(admin, KeyKind.SM2, ocspJson("HARD"));
    long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
    UserCredentials revoked = s.provider().issueUser("吊销");
    s.provider().revoke(revoked.signature().certificate());
    Browser.Res r = bind(admin, member, revoked.signature());
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.error()).isEqualTo("CERT_REVOKED");
    assertThat(bind(admin, member, s.provider().issueUser("正常").signature()).status())
        .isEqualTo(201);
  }

  @Test
  void ocspResponderDownFailsHardButPassesSoft() throws IOException {
    Browser admin = admin();
    Setup hard = revocable(admin, KeyKind.RSA_2048, ocspJson("HARD"));
    Setup soft = revocable(admin, KeyKind.RSA_2048, ocspJson("SOFT"));
    long a = user(admin, hard.organization(), "MEMBER").path("id").asLong();
    long b = user(admin, soft.organization(), "MEMBER").path("id").asLong();
    ocsp.mode(OcspResponder.Mode.DOWN);
    try {
      Browser.Res refused = bind(admin, a, hard.provider().issueUser("硬").signature());
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.error()).isEqualTo("REVOCATION_UNKNOWN");
      assertThat(bind(admin, b, soft.provider().issueUser("软").signature()).status())
          .isEqualTo(201);
    } finally {
      ocsp.mode(OcspResponder.Mode.NORMAL);
    }
    assertThat(bind(admin, a, hard.provider().issueUser("恢复").signature()).status()).isEqualTo(201);
  }

  @Test
  void tokensSignedByOpenSslBindAndLogIn() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
    Browser admin = admin();
    for (KeyKind kind : new KeyKind[] {KeyKind.RSA_2048, KeyKind.EC_P256, KeyKind.SM2}) {
      Setup s = setup(admin, kind);
      long member = user(admin, s.organization(), "MEMBER").path("id").asLong();
      Credential lock = s.provider().issueUser("开放").signature();
      JsonNode ch = challenge(admin, "BIND", member);
      Browser.Res bound =
          postBinding(
              admin,
              member,
              ch.path("challengeId").asString(),
              openSslToken(lock, ch.path("nonce").asString()));
      assertThat(bound.status()).as(kind + " " + bound.body()).isEqualTo(201);
      Browser b = browser();
      JsonNode login = challenge(b, "LOGIN", null);
      Browser.Res in =
          postLogin(
              b,
              login.path("challengeId").asString(),
              openSslToken(lock, login.path("nonce").asString()));
      assertThat(in.status()).as(kind + " " + in.body()).isEqualTo(200);
    }
  }

  /** A token whose signature {@code openssl dgst -sign} made over H(origin) ‖ H(nonce). */
  static String openSslToken(Credential c, String nonce) throws Exception {
    TokenAlgorithm alg = TokenAlgorithm.forKey(c.publicKey());
    Path dir = Files.createTempDirectory("cg-openssl");
    try {
      Files.writeString(dir.resolve("key.pem"), Pem.privateKey(c.privateKey()));
      Files.write(dir.resolve("data"), SignedData.of(alg, WebOrigin.of(ORIGIN), nonce));
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  "/usr/bin/openssl", "dgst", alg == TokenAlgorithm.SM2SM3 ? "-sm3" : "-sha256"));
      cmd.addAll(List.of("-sign", dir.resolve("key.pem").toString()));
      if (alg == TokenAlgorithm.SM2SM3) {
        cmd.addAll(List.of("-sigopt", "distid:1234567812345678"));
      }
      cmd.addAll(List.of("-out", dir.resolve("sig").toString(), dir.resolve("data").toString()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("openssl failed: " + out);
      }
      String sig = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("sig")));
      return "{\"format\":\"certgate-auth/1\",\"certificate\":\"%s\",\"algorithm\":\"%s\",\"signature\":\"%s\",\"agentVersion\":\"openssl\"}"
          .formatted(Base64.getEncoder().encodeToString(c.certificate().getEncoded()), alg, sig);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }
}
