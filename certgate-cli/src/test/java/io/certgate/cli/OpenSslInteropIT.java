package io.certgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certgate.cli.OpenSslPki.Kind;
import io.certgate.core.json.Json;
import io.certgate.core.json.JsonLimits;
import io.certgate.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interop with OpenSSL as an outside party: every certificate, CRL, OCSP response and token
 * signature here is made by the {@code openssl} command line, and the real {@code certgate} checker
 * (in-process {@link Main}, and once the built jar) must accept or refuse it with the right code.
 */
class OpenSslInteropIT {
  static final String ORIGIN = "https://zcy.example.gov.cn";

  @TempDir static Path work;

  private static final Map<Kind, OpenSslPki> PKIS = new EnumMap<>(Kind.class);
  private static final List<OpenSslOcspResponder> RESPONDERS = new ArrayList<>();

  @BeforeAll
  static void makePkisWithOpenSsl() throws Exception {
    assumeTrue(OpenSsl.available(), "the openssl 3 command line is not installed");
    for (Kind kind : Kind.values()) {
      OpenSslPki pki = OpenSslPki.create(work, kind, OpenSslOcspResponder.freePort());
      PKIS.put(kind, pki);
      RESPONDERS.add(OpenSslOcspResponder.start(pki));
    }
  }

  @AfterAll
  static void stopResponders() {
    RESPONDERS.forEach(OpenSslOcspResponder::close);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void acceptsSignatureCertificate(Kind kind) {
    OpenSslPki pki = PKIS.get(kind);

    Checked checked =
        check(
            "verify-chain", "--anchors", pki.file("root.crt"), "--intermediates",
            pki.file("ca.crt"), pki.file("user.crt"));

    checked.assertValid();
    assertThat(checked.json().get("keyAlgorithm").map(Object::toString)).isPresent();
    assertThat(checked.string("keyAlgorithm")).isEqualTo(kind.keyAlgorithm);
    assertThat(checked.string("subject")).isEqualTo("O=CertGate Interop,CN=OpenSSL " + kind.script + " User");
    assertThat(checked.strings("path")).hasSize(3).last().asString().contains("Root");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void acceptsAPemHoldingTheCertificateAndItsIssuer(Kind kind) throws Exception {
    OpenSslPki pki = PKIS.get(kind);
    Path bundle =
        Files.writeString(
            pki.dir().resolve("bundle.pem"),
            Files.readString(pki.dir().resolve("user.crt")) + Files.readString(pki.dir().resolve("ca.crt")));

    check("verify-chain", "--anchors", pki.file("root.crt"), bundle.toString()).assertValid();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void acceptsDerFiles(Kind kind) throws Exception {
    OpenSslPki pki = PKIS.get(kind);
    OpenSsl.run(pki.dir(), "x509", "-in", "user.crt", "-outform", "DER", "-out", "user.der");
    OpenSsl.run(pki.dir(), "x509", "-in", "root.crt", "-outform", "DER", "-out", "root.der");

    check("verify-chain", "--anchors", pki.file("root.der"), pki.file("ca.crt"), pki.file("user.der"))
        .assertValid();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void checksRevocationWithOpenSslCrls(Kind kind) {
    OpenSslPki pki = PKIS.get(kind);
    String[] common = {
      "verify-chain", "--anchors", pki.file("root.crt"), "--intermediates", pki.file("ca.crt"),
      "--crls", pki.file("root.crl"), pki.file("ca.crl"), "--revocation", "CRL"
    };

    Checked good = check(concat(common, pki.file("user.crt")));
    Checked revoked = check(concat(common, pki.file("revoked.crt")));

    good.assertValid();
    assertThat(good.strings("revocation")).hasSize(2).allMatch(source -> source.startsWith("CRL"));
    revoked.assertRefused("CERT_REVOKED");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void checksRevocationWithAnOpenSslOcspResponder(Kind kind) {
    OpenSslPki pki = PKIS.get(kind);

    Checked revoked =
        check(
            "verify-chain", "--anchors", pki.file("root.crt"), "--intermediates",
            pki.file("ca.crt"), "--revocation", "OCSP", pki.file("revoked.crt"));
    // The issuing CA has no responder of its own: its status comes from the root's CRL.
    Checked good =
        check(
            "verify-chain", "--anchors", pki.file("root.crt"), "--intermediates",
            pki.file("ca.crt"), "--revocation", "OCSP_THEN_CRL", "--crls", pki.file("root.crl"),
            pki.file("user.crt"));

    revoked.assertRefused("CERT_REVOKED");
    good.assertValid();
    assertThat(good.strings("revocation").get(0)).containsIgnoringCase("OCSP");
    assertThat(good.strings("revocation").get(1)).startsWith("CRL");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void refusesEncryptionOnlyCertificateUnlessPurposeIsAny(Kind kind) {
    OpenSslPki pki = PKIS.get(kind);
    String[] common = {
      "verify-chain", "--anchors", pki.file("root.crt"), "--intermediates", pki.file("ca.crt")
    };

    check(concat(common, pki.file("enc.crt"))).assertRefused("NOT_SIGNATURE_CERT");
    check(concat(common, "--purpose", "any", pki.file("enc.crt"))).assertValid();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void refusesExpiredAndNotYetValidCertificatesAtTheGivenTime(Kind kind) {
    OpenSslPki pki = PKIS.get(kind);
    String[] common = {
      "verify-chain", "--anchors", pki.file("root.crt"), "--intermediates", pki.file("ca.crt")
    };
    String later = Instant.now().plus(Duration.ofDays(60)).toString();
    String earlier = Instant.now().minus(Duration.ofDays(1)).toString();

    check(concat(common, "--at", later, pki.file("user.crt"))).assertRefused("CERT_EXPIRED");
    check(concat(common, "--at", earlier, pki.file("user.crt")))
        .assertRefused("CERT_NOT_YET_VALID");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void refusesCertificateUnderAnUnrelatedAnchor(Kind kind) {
    OpenSslPki pki = PKIS.get(kind);
    OpenSslPki other = PKIS.get(Kind.values()[(kind.ordinal() + 1) % Kind.values().length]);

    check(
            "verify-chain", "--anchors", other.file("root.crt"), "--intermediates",
            pki.file("ca.crt"), pki.file("user.crt"))
        .assertRefused("CERT_UNTRUSTED");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void acceptsTokensSignedByOpenSslAndRefusesThemForAnotherOrigin(Kind kind) throws Exception {
    OpenSslPki pki = PKIS.get(kind);
    for (String algorithm : kind.tokenAlgorithms) {
      String nonce = nonce();
      Path token = OpenSslTokens.token(pki, algorithm, "user.key", "user.crt", ORIGIN, nonce);

      Checked accepted = verifyToken(pki, ORIGIN, nonce, token);
      Checked otherOrigin = verifyToken(pki, "https://evil.example", nonce, token);
      Checked otherNonce = verifyToken(pki, ORIGIN, nonce(), token);

      accepted.assertValid();
      assertThat(accepted.string("algorithm")).isEqualTo(algorithm);
      otherOrigin.assertRefused("SIGNATURE_INVALID");
      otherNonce.assertRefused("SIGNATURE_INVALID");
    }
  }

  @Test
  void refusesRs256TokenSignedWithAnEcKey() throws Exception {
    OpenSslPki pki = PKIS.get(Kind.P256);
    String nonce = nonce();
    Path ecdsa = OpenSslTokens.token(pki, "ES256", "user.key", "user.crt", ORIGIN, nonce);
    Path relabelled =
        Files.writeString(
            pki.dir().resolve("rs256-on-ec.json"),
            Files.readString(ecdsa).replace("\"ES256\"", "\"RS256\""));

    verifyToken(pki, ORIGIN, nonce, relabelled).assertRefused("ALGORITHM_MISMATCH");
  }

  @Test
  void refusesTokenOfARevokedCertificate() throws Exception {
    OpenSslPki pki = PKIS.get(Kind.SM2);
    String nonce = nonce();
    Path token = OpenSslTokens.token(pki, "SM2SM3", "revoked.key", "revoked.crt", ORIGIN, nonce);

    // The provider's CA certificates (root and issuing CA) verify the CRLs, as on the server.
    check(
            "verify-token", "--anchors", pki.file("root.crt"), pki.file("ca.crt"), "--origin",
            ORIGIN, "--nonce", nonce, "--revocation", "CRL", "--crls", pki.file("root.crl"),
            pki.file("ca.crl"), token.toString())
        .assertRefused("CERT_REVOKED");
  }

  @Test
  void garbageCertificateIsCertMalformedAndGarbageAnchorIsAnInputError() throws Exception {
    OpenSslPki pki = PKIS.get(Kind.RSA);
    Path garbage = Files.write(work.resolve("garbage.bin"), new SecureRandom().generateSeed(300));

    check("verify-chain", "--anchors", pki.file("root.crt"), garbage.toString())
        .assertRefused("CERT_MALFORMED");
    Checked badAnchor = check("verify-chain", "--anchors", garbage.toString(), pki.file("user.crt"));
    assertThat(badAnchor.run().exitStatus()).isEqualTo(2);
    assertThat(badAnchor.string("error")).isEqualTo("BAD_REQUEST");
  }

  @Test
  void lockIdAgreesWithOpenSsl() throws Exception {
    OpenSslPki pki = PKIS.get(Kind.SM2);
    OpenSsl.run(pki.dir(), "x509", "-in", "user.crt", "-pubkey", "-noout", "-out", "pub.pem");
    OpenSsl.run(pki.dir(), "pkey", "-pubin", "-in", "pub.pem", "-outform", "DER", "-out", "pub.der");
    String opensslSpkiSha256 = OpenSsl.run(pki.dir(), "dgst", "-sha256", "-r", "pub.der").split(" ")[0];
    String opensslSerial =
        OpenSsl.run(pki.dir(), "x509", "-in", "user.crt", "-serial", "-noout").strip().substring(7);

    Checked spki = check("lock-id", "--rule", "SPKI_SHA256", pki.file("user.crt"));
    Checked issuerSerial = check("lock-id", "--rule", "ISSUER_SERIAL", pki.file("user.crt"));

    assertThat(spki.string("lockId")).isEqualTo(opensslSpkiSha256);
    assertThat(issuerSerial.string("lockId"))
        .isEqualTo("O=CertGate Interop,CN=OpenSSL sm2 Issuing CA:" + opensslSerial.toLowerCase());
  }

  @Test
  void builtJarVerifiesAnOpenSslTokenAndRefusesARevokedCertificate() throws Exception {
    Path jar = Path.of("target", "certgate.jar");
    assumeTrue(Files.exists(jar), "target/certgate.jar is built by mvn package before failsafe");
    OpenSslPki pki = PKIS.get(Kind.P256);
    String nonce = nonce();
    Path token = OpenSslTokens.token(pki, "ES256", "user.key", "user.crt", ORIGIN, nonce);

    JarRun accepted =
        JarRun.of(
            jar, "verify-token", "--anchors", pki.file("root.crt"), "--origin", ORIGIN,
            "--nonce", nonce, token.toString());
    JarRun revoked =
        JarRun.of(
            jar, "verify-chain", "--anchors", pki.file("root.crt"), pki.file("ca.crt"),
            "--crls", pki.file("root.crl"), pki.file("ca.crl"), pki.file("revoked.crt"));
    JarRun usage = JarRun.of(jar, "verify-chain");

    assertThat(accepted.exitStatus()).as(accepted.stdout()).isZero();
    assertThat(accepted.stdout()).startsWith("{\"valid\":true,");
    assertThat(revoked.exitStatus()).as(revoked.stdout()).isEqualTo(1);
    assertThat(revoked.stdout()).startsWith("{\"valid\":false,\"error\":\"CERT_REVOKED\"");
    assertThat(usage.exitStatus()).isEqualTo(2);
  }

  private static Checked verifyToken(OpenSslPki pki, String origin, String nonce, Path token) {
    return check(
        "verify-token", "--anchors", pki.file("root.crt"), "--origin", origin, "--nonce", nonce,
        token.toString());
  }

  private static String nonce() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String[] concat(String[] first, String... rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  private static Checked check(String... args) {
    CliRun run = CliRun.of(args);
    try {
      return new Checked(run, Json.parseObject(run.stdout().strip(), JsonLimits.DEFAULT));
    } catch (Exception e) {
      throw new AssertionError("stdout is not one JSON object: " + run, e);
    }
  }

  /** A run of the checker with its stdout parsed as the one JSON object it must print. */
  record Checked(CliRun run, JsonObject json) {
    void assertValid() {
      assertThat(run.exitStatus()).as(run.stdout()).isZero();
      assertThat(json.get("valid")).as(run.stdout()).hasValue(io.certgate.core.json.JsonBoolean.TRUE);
    }

    void assertRefused(String code) {
      assertThat(string("error")).as(run.stdout()).isEqualTo(code);
      assertThat(run.exitStatus()).as(run.stdout()).isEqualTo(1);
      assertThat(json.get("valid")).hasValue(io.certgate.core.json.JsonBoolean.FALSE);
    }

    String string(String name) {
      try {
        return json.requireString(name);
      } catch (Exception e) {
        throw new AssertionError(name + " missing in " + run.stdout(), e);
      }
    }

    List<String> strings(String name) {
      try {
        List<String> values = new ArrayList<>();
        for (var value : json.requireArray(name).elements()) {
          values.add(((io.certgate.core.json.JsonString) value).value());
        }
        return values;
      } catch (Exception e) {
        throw new AssertionError(name + " missing in " + run.stdout(), e);
      }
    }
  }
}
