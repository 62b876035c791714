package io.certgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.cli.OpenSslPki.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code certgate verify-chain} on OpenSSL-made certificates, CRLs and OCSP responses. */
class OpenSslChainIT extends OpenSslInteropSupport {
  @ParameterizedTest
  @EnumSource(Kind.class)
  void acceptsSignatureCertificate(Kind kind) {
    OpenSslPki pki = PKIS.get(kind);

    Checked checked =
        check(
            "verify-chain",
            "--anchors",
            pki.file("root.crt"),
            "--intermediates",
            pki.file("ca.crt"),
            pki.file("user.crt"));

    checked.assertValid();
    assertThat(checked.json().get("keyAlgorithm").map(Object::toString)).isPresent();
    assertThat(checked.string("keyAlgorithm")).isEqualTo(kind.keyAlgorithm);
    assertThat(checked.string("subject"))
        .isEqualTo("O=CertGate Interop,CN=OpenSSL " + kind.script + " User");
    assertThat(checked.strings("path")).hasSize(3).last().asString().contains("Root");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void acceptsAPemHoldingTheCertificateAndItsIssuer(Kind kind) throws Exception {
    OpenSslPki pki = PKIS.get(kind);
    Path bundle =
        Files.writeString(
            pki.dir().resolve("bundle.pem"),
            Files.readString(pki.dir().resolve("user.crt"))
                + Files.readString(pki.dir().resolve("ca.crt")));

    check("verify-chain", "--anchors", pki.file("root.crt"), bundle.toString()).assertValid();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void acceptsDerFiles(Kind kind) throws Exception {
    OpenSslPki pki = PKIS.get(kind);
    OpenSsl.run(pki.dir(), "x509", "-in", "user.crt", "-outform", "DER", "-out", "user.der");
    OpenSsl.run(pki.dir(), "x509", "-in", "root.crt", "-outform", "DER", "-out", "root.der");

    check(
            "verify-chain",
            "--anchors",
            pki.file("root.der"),
            pki.file("ca.crt"),
            pki.file("user.der"))
        .assertValid();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void checksRevocationWithOpenSslCrls(Kind kind) {
    OpenSslPki pki = PKIS.get(kind);
    String[] common = {
      "verify-chain",
      "--anchors",
      pki.file("root.crt"),
      "--intermediates",
      pki.file("ca.crt"),
      "--crls",
      pki.file("root.crl"),
      pki.file("ca.crl"),
      "--revocation",
      "CRL"
    };

    Checked good = check(concat(common, pki.file("user.crt")));
    Checked revoked = check(concat(common, pki.file("revoked.crt")));

    good.assertValid();
    assertThat(good.strings("revocation")).hasSize(2).allMatch(source -> source.startsWith("CRL"));
    revoked.assertRefused("CERT_REVOKED");
    assertThat(revoked.string("message")).contains("ca.crl");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void checksRevocationWithAnOpenSslOcspResponder(Kind kind) {
    OpenSslPki pki = PKIS.get(kind);

    Checked revoked =
        check(
            "verify-chain",
            "--anchors",
            pki.file("root.crt"),
            "--intermediates",
            pki.file("ca.crt"),
            "--revocation",
            "OCSP",
            pki.file("revoked.crt"));
    // The issuing CA has no responder of its own: its status comes from the root's CRL.
    Checked good =
        check(
            "verify-chain",
            "--anchors",
            pki.file("root.crt"),
            "--intermediates",
            pki.file("ca.crt"),
            "--revocation",
            "OCSP_THEN_CRL",
            "--crls",
            pki.file("root.crl"),
            pki.file("user.crt"));

    revoked.assertRefused("CERT_REVOKED");
    assertThat(revoked.string("message")).contains("OCSP http://127.0.0.1:" + pki.ocspPort());
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
            "verify-chain",
            "--anchors",
            other.file("root.crt"),
            "--intermediates",
            pki.file("ca.crt"),
            pki.file("user.crt"))
        .assertRefused("CERT_UNTRUSTED");
  }

  @Test
  void garbageCertificateIsCertMalformedAndGarbageAnchorIsAnInputError() throws Exception {
    OpenSslPki pki = PKIS.get(Kind.RSA);
    Path garbage = Files.write(work.resolve("garbage.bin"), new SecureRandom().generateSeed(300));

    check("verify-chain", "--anchors", pki.file("root.crt"), garbage.toString())
        .assertRefused("CERT_MALFORMED");
    Checked badAnchor =
        check("verify-chain", "--anchors", garbage.toString(), pki.file("user.crt"));
    assertThat(badAnchor.run().exitStatus()).isEqualTo(2);
    assertThat(badAnchor.string("error")).isEqualTo("BAD_REQUEST");
  }
}
