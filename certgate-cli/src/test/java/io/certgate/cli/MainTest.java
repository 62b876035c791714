package io.certgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private static SelfSigned cert;

  @TempDir Path dir;

  @BeforeAll
  static void makeCertificate() throws Exception {
    cert = SelfSigned.create("锁-0001");
  }

  @Test
  void noCommandIsAUsageErrorWithJsonOnStdoutAndUsageOnStderr() {
    CliRun run = CliRun.of();

    assertThat(run.exitStatus()).isEqualTo(2);
    assertThat(run.stdout().strip())
        .isEqualTo("{\"valid\":false,\"error\":\"BAD_REQUEST\",\"message\":\"no command given\"}");
    assertThat(run.stderr()).contains("usage:", "certgate lock-id --rule");
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRun run = CliRun.of("verify-everything", "x");

    assertThat(run.exitStatus()).isEqualTo(2);
    assertThat(run.stdout()).contains("unknown command verify-everything");
  }

  @Test
  void lockIdPrintsTheDefaultRuleValueForAPemCertificate() throws Exception {
    Path pem = Files.writeString(dir.resolve("user.pem"), cert.pem());
    String spkiSha256 =
        Hex.toHexString(
            MessageDigest.getInstance("SHA-256").digest(cert.key().getPublic().getEncoded()));

    CliRun run = CliRun.of("lock-id", "--rule", "SPKI_SHA256", pem.toString());

    assertThat(run.exitStatus()).isEqualTo(0);
    assertThat(run.stdout())
        .startsWith("{\"valid\":true,\"subject\":\"CN=Unit User\",\"issuer\":\"CN=Unit CA\"")
        .contains("\"serialNumber\":\"c0ffee\"", "\"keyAlgorithm\":\"EC\"")
        .contains("\"lockIdRule\":\"SPKI_SHA256\",\"lockId\":\"" + spkiSha256 + "\"");
    assertThat(run.stderr()).isEmpty();
  }

  @Test
  void lockIdReadsAnExtensionFromADerCertificate() throws Exception {
    Path der = Files.write(dir.resolve("user.der"), cert.der());

    CliRun run = CliRun.of("lock-id", "--rule", "EXTENSION:" + SelfSigned.LOCK_OID, der.toString());

    assertThat(run.exitStatus()).isEqualTo(0);
    assertThat(run.stdout()).contains("\"lockId\":\"锁-0001\"");
  }

  @Test
  void lockIdOfAMissingAttributeIsCertMalformed() throws Exception {
    Path pem = Files.writeString(dir.resolve("user.pem"), cert.pem());

    CliRun run = CliRun.of("lock-id", "--rule", "SUBJECT_ATTRIBUTE:2.5.4.5", pem.toString());

    assertThat(run.exitStatus()).isEqualTo(1);
    assertThat(run.stdout())
        .startsWith("{\"valid\":false,\"error\":\"CERT_MALFORMED\",\"message\":\"")
        .contains("2.5.4.5");
  }

  @Test
  void garbageCertificateFileIsCertMalformed() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "this is not a certificate");

    CliRun run = CliRun.of("lock-id", "--rule", "SPKI_SHA256", garbage.toString());

    assertThat(run.exitStatus()).isEqualTo(1);
    assertThat(run.stdout()).contains("\"error\":\"CERT_MALFORMED\"");
  }

  @Test
  void brokenPemIsCertMalformed() throws Exception {
    Path broken =
        Files.writeString(
            dir.resolve("broken.pem"),
            "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n",
            StandardCharsets.US_ASCII);

    CliRun run = CliRun.of("lock-id", "--rule", "SPKI_SHA256", broken.toString());

    assertThat(run.exitStatus()).isEqualTo(1);
    assertThat(run.stdout()).contains("\"error\":\"CERT_MALFORMED\"");
  }

  @Test
  void missingFileIsAnIoErrorWithExitTwo() {
    CliRun run =
        CliRun.of("lock-id", "--rule", "SPKI_SHA256", dir.resolve("absent.pem").toString());

    assertThat(run.exitStatus()).isEqualTo(2);
    assertThat(run.stdout()).contains("\"error\":\"BAD_REQUEST\"", "absent.pem: cannot read");
    assertThat(run.stderr()).doesNotContain("usage:");
  }

  @Test
  void badRuleIsAUsageErrorNamingTheAcceptedRules() throws Exception {
    Path pem = Files.writeString(dir.resolve("user.pem"), cert.pem());

    CliRun run = CliRun.of("lock-id", "--rule", "MD5", pem.toString());

    assertThat(run.exitStatus()).isEqualTo(2);
    assertThat(run.stdout()).contains("invalid lock-ID rule 'MD5'");
    assertThat(run.stderr()).contains("usage:");
  }

  @Test
  void verifyChainRefusesATimeThatIsNotRfc3339() throws Exception {
    Path pem = Files.writeString(dir.resolve("user.pem"), cert.pem());

    CliRun run =
        CliRun.of("verify-chain", "--anchors", pem.toString(), "--at", "yesterday", pem.toString());

    assertThat(run.exitStatus()).isEqualTo(2);
    assertThat(run.stdout()).contains("--at must be an RFC 3339 date-time, not yesterday");
  }

  @Test
  void verifyChainRefusesAnUnknownRevocationModeAndPurpose() throws Exception {
    Path pem = Files.writeString(dir.resolve("user.pem"), cert.pem());

    CliRun mode =
        CliRun.of(
            "verify-chain", "--anchors", pem.toString(), "--revocation", "MAYBE", pem.toString());
    CliRun purpose =
        CliRun.of("verify-chain", "--anchors", pem.toString(), "--purpose", "sign", pem.toString());

    assertThat(mode.exitStatus()).isEqualTo(2);
    assertThat(mode.stdout())
        .contains("--revocation must be one of [NONE, CRL, OCSP, OCSP_THEN_CRL]");
    assertThat(purpose.exitStatus()).isEqualTo(2);
    assertThat(purpose.stdout()).contains("--purpose must be login or any");
  }

  @Test
  void verifyChainRefusesAnAnchorThatIsNotACaCertificate() throws Exception {
    Path pem = Files.writeString(dir.resolve("user.pem"), cert.pem());

    CliRun run = CliRun.of("verify-chain", "--anchors", pem.toString(), pem.toString());

    assertThat(run.exitStatus()).isEqualTo(2);
    assertThat(run.stdout()).contains("\"error\":\"BAD_REQUEST\"", "--anchors:");
  }

  @Test
  void verifyTokenNeedsOriginAndNonce() throws Exception {
    Path pem = Files.writeString(dir.resolve("ca.pem"), cert.pem());

    CliRun run =
        CliRun.of("verify-token", "--anchors", pem.toString(), "--nonce", "n", "token.json");

    assertThat(run.exitStatus()).isEqualTo(2);
    assertThat(run.stdout()).contains("--origin is required");
    assertThat(run.stderr()).contains("certgate verify-token --anchors");
  }

  @Test
  void verifyTokenRefusesAnOriginThatIsNotOneAsAUsageError() throws Exception {
    Path pem = Files.writeString(dir.resolve("ca.pem"), cert.pem());

    for (String origin :
        new String[] {"https://zfcg.example.gov.cn/login", "zfcg.example.gov.cn"}) {
      CliRun run =
          CliRun.of(
              "verify-token",
              "--anchors",
              pem.toString(),
              "--origin",
              origin,
              "--nonce",
              "n",
              "token.json");

      assertThat(run.exitStatus()).as(origin).isEqualTo(2);
      assertThat(run.stdout())
          .startsWith("{\"valid\":false,\"error\":\"BAD_REQUEST\",\"message\":\"--origin: ")
          .contains("is not a web origin");
      assertThat(run.stderr()).contains("certgate verify-token --anchors");
    }
  }

  @Test
  void helpPrintsTheUsageOnStdoutAndExitsZero() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitStatus()).isZero();
    assertThat(run.stdout()).startsWith("usage:").contains("certgate verify-chain --anchors F…");
  }
}
