package io.certgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.core.token.AuthToken;
import io.certgate.core.token.AuthTokens;
import io.certgate.core.token.TokenAlgorithm;
import io.certgate.core.token.TokenSigner;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.Pem;
import io.certgate.testpki.TestOids;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import io.certgate.testpki.UserSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The checker on certificates and tokens of certgate-testpki (in-process, no OpenSSL). */
class TestPkiCheckerTest {
  private static final String ORIGIN = "http://localhost:8080";
  private static final String NONCE = "bm9uY2Utbm9uY2Utbm9uY2Utbm9uY2Utbm9uY2Utbm9uY2U=";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(KeyKind.class)
  void verifyChainAcceptsASignatureCertificateAndRefusesTheEncryptionOne(KeyKind kind)
      throws Exception {
    TestProvider provider = TestProvider.create("demo", kind, Instant.now());
    UserCredentials user = provider.issueUser("张三");
    Path anchors = Files.writeString(dir.resolve("anchors.pem"), provider.anchorsPem());

    CliRun signature =
        CliRun.of("verify-chain", "--anchors", anchors.toString(), pem(user.signature()));
    CliRun encryption =
        CliRun.of("verify-chain", "--anchors", anchors.toString(), pem(user.encryption()));

    assertThat(signature.exitStatus()).as(signature.stdout()).isZero();
    assertThat(signature.stdout())
        .contains("\"purpose\":\"LOGIN\"", "\"lockIdRule\":\"SPKI_SHA256\"");
    assertThat(encryption.exitStatus()).isEqualTo(1);
    assertThat(encryption.stdout()).contains("\"error\":\"NOT_SIGNATURE_CERT\"");
  }

  @Test
  void lockIdReadsTheTestPkiExtensionAndSubjectAttribute() throws Exception {
    TestProvider provider = TestProvider.create("demo", KeyKind.SM2, Instant.now());
    UserCredentials user =
        provider.issueUser(
            UserSpec.builder("李四").lockId("HX-LOCK-42").lockIdInSubject(true).build());
    String cert = pem(user.signature());

    CliRun extension = CliRun.of("lock-id", "--rule", TestOids.LOCK_ID_EXTENSION_RULE, cert);
    CliRun subject = CliRun.of("lock-id", "--rule", TestOids.LOCK_ID_SUBJECT_RULE, cert);

    assertThat(extension.stdout()).contains("\"lockId\":\"HX-LOCK-42\"");
    assertThat(subject.stdout()).contains("\"lockId\":\"HX-LOCK-42\"");
    assertThat(user.lockId()).isEqualTo("HX-LOCK-42");
  }

  @Test
  void verifyTokenAcceptsATokenOfTheCoreSignerAndRefusesAnotherNonce() throws Exception {
    TestProvider provider = TestProvider.create("demo", KeyKind.EC_P256, Instant.now());
    Credential signer = provider.issueUser("王五").signature();
    byte[] signature =
        TokenSigner.sign(
            TokenAlgorithm.ES256,
            signer.privateKey(),
            new BouncyCastleProvider(),
            WebOrigin.of(ORIGIN),
            NONCE);
    List<byte[]> chain = List.of(signer.issuers().get(0).getEncoded());
    AuthToken token =
        AuthToken.of(
            signer.certificate().getEncoded(), chain, TokenAlgorithm.ES256, signature, "test");
    Path file = Files.writeString(dir.resolve("token.json"), AuthTokens.toJson(token));
    Path root =
        Files.writeString(
            dir.resolve("root.pem"), Pem.certificates(List.of(provider.rootCertificate())));

    CliRun accepted =
        CliRun.of(
            "verify-token",
            "--anchors",
            root.toString(),
            "--origin",
            ORIGIN,
            "--nonce",
            NONCE,
            file.toString());
    CliRun otherNonce =
        CliRun.of(
            "verify-token",
            "--anchors",
            root.toString(),
            "--origin",
            ORIGIN,
            "--nonce",
            NONCE + "x",
            file.toString());

    assertThat(accepted.exitStatus()).as(accepted.stdout()).isZero();
    assertThat(accepted.stdout()).contains("\"algorithm\":\"ES256\"", "\"agentVersion\":\"test\"");
    assertThat(otherNonce.exitStatus()).isEqualTo(1);
    assertThat(otherNonce.stdout()).contains("\"error\":\"SIGNATURE_INVALID\"");
  }

  @Test
  void verifyTokenTakesTheOriginAsTheServerWouldConfigureIt() throws Exception {
    TestProvider provider = TestProvider.create("demo", KeyKind.EC_P256, Instant.now());
    Credential signer = provider.issueUser("赵四").signature();
    byte[] signature =
        TokenSigner.sign(
            TokenAlgorithm.ES256,
            signer.privateKey(),
            new BouncyCastleProvider(),
            WebOrigin.of(ORIGIN),
            NONCE);
    AuthToken token =
        AuthToken.of(
            signer.certificate().getEncoded(),
            List.of(signer.issuers().get(0).getEncoded()),
            TokenAlgorithm.ES256,
            signature,
            "test");
    Path file = Files.writeString(dir.resolve("token.json"), AuthTokens.toJson(token));
    Path root =
        Files.writeString(
            dir.resolve("root.pem"), Pem.certificates(List.of(provider.rootCertificate())));

    CliRun run =
        CliRun.of(
            "verify-token",
            "--anchors",
            root.toString(),
            "--origin",
            "HTTP://LocalHost:8080/",
            "--nonce",
            NONCE,
            file.toString());

    assertThat(run.exitStatus()).as(run.stdout()).isZero();
    assertThat(run.stdout()).contains("\"origin\":\"" + ORIGIN + "\"");
  }

  @Test
  void verifyTokenRefusesAFileThatIsNotAToken() throws Exception {
    TestProvider provider = TestProvider.create("demo", KeyKind.RSA_2048, Instant.now());
    Path anchors = Files.writeString(dir.resolve("anchors.pem"), provider.anchorsPem());
    Path file = Files.writeString(dir.resolve("token.json"), "{\"format\":\"certgate-auth/1\"");

    CliRun run =
        CliRun.of(
            "verify-token",
            "--anchors",
            anchors.toString(),
            "--origin",
            ORIGIN,
            "--nonce",
            NONCE,
            file.toString());

    assertThat(run.exitStatus()).isEqualTo(1);
    assertThat(run.stdout()).contains("\"error\":\"TOKEN_MALFORMED\"");
  }

  private String pem(Credential credential) throws Exception {
    X509Certificate certificate = credential.certificate();
    Path file = Files.createTempFile(dir, "cert", ".pem");
    return Files.writeString(file, Pem.certificates(List.of(certificate))).toString();
  }
}
