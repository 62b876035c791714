package io.certgate.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** OpenSSL 3 as an outside party reads what the test PKI makes. */
class OpenSslCrossCheckIT {
  static final Instant NOW = TestProviderTest.NOW;
  static final String AT = Long.toString(NOW.getEpochSecond());

  @TempDir Path dir;

  @BeforeAll
  static void openssl() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyKind.class,
      names = {"RSA_2048", "EC_P256"})
  void opensslVerifiesChainsAndCrlsAndSeesRevocation(KeyKind kind) throws Exception {
    TestProvider provider = TestProvider.create("ossl", kind, NOW);
    UserCredentials good = provider.issueUser("张三");
    UserCredentials bad = provider.issueUser("李四");
    provider.revoke(bad.signature().serialNumber(), NOW.minusSeconds(60));
    Path root = write("root.pem", Pem.certificates(List.of(provider.rootCertificate())));
    Path issuing = write("issuing.pem", Pem.certificates(List.of(provider.issuingCertificate())));
    Path crls =
        write(
            "crls.pem",
            Pem.crl(provider.crl(NOW, NOW.plus(Duration.ofDays(1))))
                + Pem.crl(provider.rootCrl(NOW, NOW.plus(Duration.ofDays(1)))));
    Path goodPem = write("good.pem", Pem.certificates(List.of(good.signature().certificate())));
    Path badPem = write("bad.pem", Pem.certificates(List.of(bad.signature().certificate())));

    assertThat(
            openssl(
                "verify",
                "-attime",
                AT,
                "-CAfile",
                root.toString(),
                "-untrusted",
                issuing.toString(),
                "-crl_check_all",
                "-CRLfile",
                crls.toString(),
                goodPem.toString()))
        .contains("good.pem: OK");
    assertThat(
            opensslFailing(
                "verify",
                "-attime",
                AT,
                "-CAfile",
                root.toString(),
                "-untrusted",
                issuing.toString(),
                "-crl_check_all",
                "-CRLfile",
                crls.toString(),
                badPem.toString()))
        .contains("certificate revoked");
    Path issuingCrl = write("issuing-crl.pem", Pem.crl(provider.crl(NOW, NOW.plusSeconds(60))));
    assertThat(
            openssl("crl", "-in", issuingCrl.toString(), "-noout", "-CAfile", issuing.toString()))
        .contains("verify OK");
  }

  @ParameterizedTest
  @EnumSource(KeyKind.class)
  void opensslPrintsTheExpectedExtensions(KeyKind kind) throws Exception {
    TestProvider provider = TestProvider.create("ossl", kind, NOW);
    UserCredentials user = provider.issueUser(UserSpec.builder("张三").lockId("LOCK-42").build());

    String signature =
        openssl(
            "x509",
            "-noout",
            "-text",
            "-in",
            write("s.pem", Pem.certificates(List.of(user.signature().certificate()))).toString());
    String encryption =
        openssl(
            "x509",
            "-noout",
            "-text",
            "-in",
            write("e.pem", Pem.certificates(List.of(user.encryption().certificate()))).toString());

    assertThat(signature)
        .contains(
            "Digital Signature, Non Repudiation",
            "TLS Web Client Authentication",
            "LOCK-42",
            "CA:FALSE");
    assertThat(encryption)
        .contains(kind == KeyKind.RSA_2048 ? "Key Encipherment" : "Key Agreement")
        .doesNotContain("Digital Signature");
    if (kind == KeyKind.SM2) {
      assertThat(signature).containsIgnoringCase("SM2-with-SM3");
    }
  }

  @ParameterizedTest
  @EnumSource(KeyKind.class)
  void opensslReadsThePkcs12Files(KeyKind kind) throws Exception {
    UserCredentials user = TestProvider.create("ossl", kind, NOW).issueUser("张三");
    Path p12 = dir.resolve("user.p12");
    Pkcs12Files.write(p12, "123456".toCharArray(), user);

    String dump = openssl("pkcs12", "-in", p12.toString(), "-passin", "pass:123456", "-nodes");

    assertThat(dump)
        .contains("friendlyName: signature", "friendlyName: encryption", "BEGIN PRIVATE KEY");
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyKind.class,
      names = {"RSA_2048", "EC_P256"})
  void opensslOcspClientGetsVerifiedAnswersWithNonce(KeyKind kind) throws Exception {
    try (OcspResponder responder = OcspResponder.start()) {
      TestProvider provider = TestProvider.create("ossl", kind, Instant.now());
      responder.add(provider);
      UserCredentials good = provider.issueUser("张三");
      UserCredentials bad = provider.issueUser("李四");
      provider.revoke(bad.signature().certificate());
      Path anchors = write("anchors.pem", provider.anchorsPem());
      Path issuing = write("issuing.pem", Pem.certificates(List.of(provider.issuingCertificate())));

      String goodAnswer =
          openssl(
              "ocsp",
              "-issuer",
              issuing.toString(),
              "-cert",
              write("g.pem", Pem.certificates(List.of(good.signature().certificate()))).toString(),
              "-url",
              responder.url().toString(),
              "-CAfile",
              anchors.toString());
      String badAnswer =
          openssl(
              "ocsp",
              "-issuer",
              issuing.toString(),
              "-cert",
              write("b.pem", Pem.certificates(List.of(bad.signature().certificate()))).toString(),
              "-url",
              responder.url().toString(),
              "-CAfile",
              anchors.toString());

      assertThat(goodAnswer)
          .contains("Response verify OK", "g.pem: good")
          .doesNotContain("WARNING: no nonce");
      assertThat(badAnswer).contains("Response verify OK", "b.pem: revoked");
    }
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
  }

  static String openssl(String... args) throws Exception {
    Result result = run(args);
    assertThat(result.exit()).as(result.output()).isZero();
    return result.output();
  }

  static String opensslFailing(String... args) throws Exception {
    Result result = run(args);
    assertThat(result.exit()).as(result.output()).isNotZero();
    return result.output();
  }

  record Result(int exit, String output) {}

  static Result run(String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("/usr/bin/openssl"));
    argv.addAll(List.of(args));
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }
}
