package io.certgate.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certgate.agent.SoftHsm;
import io.certgate.agent.token.Tokens;
import io.certgate.core.json.Json;
import io.certgate.core.json.JsonLimits;
import io.certgate.core.json.JsonObject;
import io.certgate.core.json.JsonValue;
import io.certgate.core.token.AuthToken;
import io.certgate.core.token.AuthTokens;
import io.certgate.core.token.TokenAlgorithm;
import io.certgate.core.token.TokenSignatureVerifier;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.Pem;
import io.certgate.testpki.Pkcs12Files;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path a login takes: a page at an allowed origin lists certificates, posts the PIN, and
 * the token it gets verifies with certgate-core and with OpenSSL over the same construction.
 */
class AuthenticateIT {
  private static final String ORIGIN = "http://localhost:8080";
  private static final String PIN = "135790";
  private static final char[] SOFT_PIN = "soft-135790".toCharArray();

  @TempDir static Path work;
  private static AgentServer server;
  private static UserCredentials rsa;
  private static UserCredentials p256;
  private static UserCredentials sm2;
  private static String rsaLabel;
  private static String p256Label;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(SoftHsm.available(), "SoftHSM2 is not installed or SOFTHSM2_CONF is not set");
    SoftHsm.tokens(); // the configuration must exist before the module is first initialised
    rsa = TestProvider.create("e2e-rsa", KeyKind.RSA_2048, Instant.now()).issueUser("赵六");
    p256 = TestProvider.create("e2e-ec", KeyKind.EC_P256, Instant.now()).issueUser("钱七");
    sm2 = TestProvider.create("e2e-sm2", KeyKind.SM2, Instant.now()).issueUser("孙八");
    rsaLabel = provision(rsa);
    p256Label = provision(p256);
    Path softKeys = Files.createDirectories(work.resolve("softkeys"));
    Pkcs12Files.write(softKeys.resolve("sm2.p12"), SOFT_PIN, sm2);
    Files.writeString(
        softKeys.resolve("sm2.crt"),
        Pem.certificates(List.of(sm2.signature().certificate(), sm2.encryption().certificate())));
    server =
        AgentServer.builder()
            .tokens(
                Tokens.builder()
                    .pkcs11Modules(List.of(SoftHsm.module()))
                    .softKeyFolder(softKeys)
                    .rescanInterval(Duration.ZERO)
                    .build())
            .version("e2e")
            .allowedOrigins(Set.of(WebOrigin.parse(ORIGIN).orElseThrow()))
            .port(0)
            .start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String provision(UserCredentials user) {
    String label = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    SoftHsm.provision(label, PIN, user);
    return label;
  }

  private static String nonce() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return Base64.getEncoder().encodeToString(random);
  }

  /** The certificate id the API lists for a certificate, found by its base64 DER. */
  private static String listedId(java.security.cert.X509Certificate cert) throws Exception {
    RawHttp.Response r = RawHttp.request(server.address(), "GET", "/v1/certificates", ORIGIN, null);
    assertThat(r.status()).isEqualTo(200);
    String der = Base64.getEncoder().encodeToString(cert.getEncoded());
    for (JsonValue v :
        Json.parseObject(r.body(), JsonLimits.DEFAULT).requireArray("certificates").elements()) {
      JsonObject c = (JsonObject) v;
      if (c.requireString("certificate").equals(der)) {
        return c.requireString("id");
      }
    }
    throw new AssertionError("certificate not listed");
  }

  private static RawHttp.Response authenticate(String id, String nonce, String pin)
      throws Exception {
    return RawHttp.request(
        server.address(),
        "POST",
        "/v1/authenticate",
        ORIGIN,
        "{\"certificateId\":\"" + id + "\",\"nonce\":\"" + nonce + "\",\"pin\":\"" + pin + "\"}");
  }

  private static JsonObject error(RawHttp.Response r) throws Exception {
    return Json.parseObject(r.body(), JsonLimits.DEFAULT).requireObject("error");
  }

  @Test
  void listsCertificatesWithTheFieldsOfTheContract() throws Exception {
    RawHttp.Response r = RawHttp.request(server.address(), "GET", "/v1/certificates", ORIGIN, null);
    JsonObject first =
        (JsonObject)
            Json.parseObject(r.body(), JsonLimits.DEFAULT).requireArray("certificates").get(0);

    assertThat(first.names())
        .containsExactlyInAnyOrder(
            "id",
            "tokenId",
            "commonName",
            "organization",
            "subject",
            "issuer",
            "issuerCommonName",
            "serialNumber",
            "notBefore",
            "notAfter",
            "keyAlgorithm",
            "keyUsage",
            "signatureCapable",
            "certificate");
    String sm2Id = listedId(sm2.signature().certificate());
    JsonObject sm2Cert = certificateJson(sm2Id);
    assertThat(sm2Cert.requireString("keyAlgorithm")).isEqualTo("SM2");
    assertThat(sm2Cert.requireString("commonName")).isEqualTo("孙八");
    assertThat(sm2Cert.requireBoolean("signatureCapable")).isTrue();
    assertThat(
            certificateJson(listedId(rsa.encryption().certificate()))
                .requireBoolean("signatureCapable"))
        .isFalse();
  }

  private static JsonObject certificateJson(String id) throws Exception {
    RawHttp.Response r = RawHttp.request(server.address(), "GET", "/v1/certificates", ORIGIN, null);
    for (JsonValue v :
        Json.parseObject(r.body(), JsonLimits.DEFAULT).requireArray("certificates").elements()) {
      if (((JsonObject) v).requireString("id").equals(id)) {
        return (JsonObject) v;
      }
    }
    throw new AssertionError(id);
  }

  @Test
  void tokensForRsaP256AndSm2VerifyWithCoreAndWithOpenSsl() throws Exception {
    record Case(UserCredentials user, String pin, TokenAlgorithm alg, List<String> dgst) {}
    List<Case> cases =
        List.of(
            new Case(rsa, PIN, TokenAlgorithm.RS256, List.of("-sha256")),
            new Case(p256, PIN, TokenAlgorithm.ES256, List.of("-sha256")),
            new Case(
                sm2,
                new String(SOFT_PIN),
                TokenAlgorithm.SM2SM3,
                List.of("-sm3", "-sigopt", "distid:1234567812345678")));
    for (Case c : cases) {
      String nonce = nonce();
      RawHttp.Response r =
          authenticate(listedId(c.user().signature().certificate()), nonce, c.pin());
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.header("Access-Control-Allow-Origin")).contains(ORIGIN);

      AuthToken token = AuthTokens.parse(r.body());
      assertThat(token.algorithm()).isEqualTo(c.alg());
      assertThat(token.agentVersion()).isEqualTo("e2e");
      TokenSignatureVerifier.verify(
          token, c.user().signature().certificate(), WebOrigin.of(ORIGIN), nonce);
      assertThat(opensslVerifies(c.user(), token, ORIGIN, nonce, c.dgst(), c.alg())).isTrue();
      assertThat(opensslVerifies(c.user(), token, "https://evil.example", nonce, c.dgst(), c.alg()))
          .isFalse();
    }
  }

  /**
   * OpenSSL computes H(origin) ‖ H(nonce) itself, from the two strings, and verifies the token's
   * signature over it: no CertGate code is involved in the check.
   */
  private static boolean opensslVerifies(
      UserCredentials user,
      AuthToken token,
      String origin,
      String nonce,
      List<String> digest,
      TokenAlgorithm alg)
      throws Exception {
    Path dir = Files.createTempDirectory(work, "openssl");
    Path cert = dir.resolve("cert.pem");
    Files.writeString(cert, Pem.certificates(List.of(user.signature().certificate())));
    Path pub = dir.resolve("pub.pem");
    run(
        List.of(
            "openssl",
            "x509",
            "-in",
            cert.toString(),
            "-pubkey",
            "-noout",
            "-out",
            pub.toString()));
    String hash = alg == TokenAlgorithm.SM2SM3 ? "-sm3" : "-sha256";
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (String part : List.of(origin, nonce)) {
      Path in = dir.resolve("part");
      Files.writeString(in, part, StandardCharsets.UTF_8);
      data.write(run(List.of("openssl", "dgst", hash, "-binary", in.toString())).output());
    }
    assertThat(data.size()).isEqualTo(64);
    Path dataFile = dir.resolve("data.bin");
    Files.write(dataFile, data.toByteArray());
    Path sig = dir.resolve("sig.der");
    Files.write(sig, token.signature());
    List<String> verify = new ArrayList<>(List.of("openssl", "dgst"));
    verify.addAll(digest);
    verify.addAll(
        List.of("-verify", pub.toString(), "-signature", sig.toString(), dataFile.toString()));
    Result result = run(verify);
    return result.exit() == 0
        && new String(result.output(), StandardCharsets.UTF_8).contains("Verified OK");
  }

  record Result(int exit, byte[] output) {}

  private static Result run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  @Test
  void aWrongPinIsPinIncorrectOverHttp() throws Exception {
    RawHttp.Response r = authenticate(listedId(p256.signature().certificate()), nonce(), "000000");

    assertThat(r.status()).isEqualTo(401);
    assertThat(error(r).requireString("code")).isEqualTo("PIN_INCORRECT");
    assertThat(error(r).names()).doesNotContain("retriesLeft"); // SoftHSM2 reports no count
    assertThat(r.body()).doesNotContain("000000");
  }

  @Test
  void theEncryptionCertificateIsNotSignatureCert() throws Exception {
    RawHttp.Response r = authenticate(listedId(p256.encryption().certificate()), nonce(), PIN);

    assertThat(r.status()).isEqualTo(422);
    assertThat(error(r).requireString("code")).isEqualTo("NOT_SIGNATURE_CERT");
  }

  @Test
  void aKeyPulledOutAfterListingIsTokenNotPresent() throws Exception {
    UserCredentials user =
        TestProvider.create("e2e-gone", KeyKind.EC_P256, Instant.now()).issueUser("周九");
    String label = provision(user);
    String id = listedId(user.signature().certificate());

    SoftHsm.delete(label);

    RawHttp.Response r = authenticate(id, nonce(), PIN);
    assertThat(r.status()).isEqualTo(404);
    assertThat(error(r).requireString("code")).isEqualTo("TOKEN_NOT_PRESENT");
  }

  @Test
  void theStatusListsTheInsertedTokens() throws Exception {
    RawHttp.Response r = RawHttp.request(server.address(), "GET", "/v1/status", ORIGIN, null);
    assertThat(r.body())
        .contains(rsaLabel, p256Label, "\"kind\":\"pkcs11\"", "\"kind\":\"pkcs12\"");
    assertThat(RawHttp.request(server.address(), "GET", "/", null, null).body())
        .contains(rsaLabel, "孙八");
  }
}
