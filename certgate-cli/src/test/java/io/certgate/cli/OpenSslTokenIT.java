package io.certgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certgate.cli.OpenSslPki.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code certgate verify-token} and {@code lock-id} on OpenSSL-signed tokens, also via the built
 * jar.
 */
class OpenSslTokenIT extends OpenSslInteropSupport {
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
            "verify-token",
            "--anchors",
            pki.file("root.crt"),
            pki.file("ca.crt"),
            "--origin",
            ORIGIN,
            "--nonce",
            nonce,
            "--revocation",
            "CRL",
            "--crls",
            pki.file("root.crl"),
            pki.file("ca.crl"),
            token.toString())
        .assertRefused("CERT_REVOKED");
  }

  @Test
  void lockIdAgreesWithOpenSsl() throws Exception {
    OpenSslPki pki = PKIS.get(Kind.SM2);
    OpenSsl.run(pki.dir(), "x509", "-in", "user.crt", "-pubkey", "-noout", "-out", "pub.pem");
    OpenSsl.run(
        pki.dir(), "pkey", "-pubin", "-in", "pub.pem", "-outform", "DER", "-out", "pub.der");
    String opensslSpkiSha256 =
        OpenSsl.run(pki.dir(), "dgst", "-sha256", "-r", "pub.der").split(" ")[0];
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
            jar,
            "verify-token",
            "--anchors",
            pki.file("root.crt"),
            "--origin",
            ORIGIN,
            "--nonce",
            nonce,
            token.toString());
    JarRun revoked =
        JarRun.of(
            jar,
            "verify-chain",
            "--anchors",
            pki.file("root.crt"),
            pki.file("ca.crt"),
            "--crls",
            pki.file("root.crl"),
            pki.file("ca.crl"),
            pki.file("revoked.crt"));
    JarRun usage = JarRun.of(jar, "verify-chain");

    assertThat(accepted.exitStatus()).as(accepted.stdout()).isZero();
    assertThat(accepted.stdout()).startsWith("{\"valid\":true,");
    assertThat(revoked.exitStatus()).as(revoked.stdout()).isEqualTo(1);
    assertThat(revoked.stdout()).startsWith("{\"valid\":false,\"error\":\"CERT_REVOKED\"");
    assertThat(usage.exitStatus()).isEqualTo(2);
  }
}
