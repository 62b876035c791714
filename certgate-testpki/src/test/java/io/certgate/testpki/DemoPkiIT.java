package io.certgate.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPkiIT {
  Path dir;
  DemoPki demo;

  @BeforeAll
  void generate(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    demo = DemoPki.generate(dir, 0, 0);
  }

  @AfterAll
  void close() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void writesThreeProvidersWithAnchorsCrlsAndSoftKeys() throws Exception {
    assertThat(demo.providers())
        .extracting(TestProvider::code)
        .containsExactly("demo-rsa", "demo-ec", "demo-sm2");
    for (TestProvider provider : demo.providers()) {
      Path folder = dir.resolve(provider.code());
      assertThat(
              CertificateFactory.getInstance("X.509", Bc.PROVIDER)
                  .generateCertificates(Files.newInputStream(folder.resolve("anchors.pem"))))
          .hasSize(2);
      X509CRL crl = CrlServerIT.parse(Files.readAllBytes(folder.resolve("issuing.crl")));
      crl.verify(provider.issuingCertificate().getPublicKey(), Bc.PROVIDER);
    }
    assertThat(demo.users()).hasSize(12);
    for (DemoPki.DemoUser user : demo.users()) {
      KeyStore store = KeyStore.getInstance("PKCS12", Bc.PROVIDER);
      try (InputStream in = Files.newInputStream(user.softKey())) {
        store.load(in, DemoPki.DEMO_PIN.toCharArray());
      }
      assertThat(store.isKeyEntry("signature")).isTrue();
    }
  }

  @Test
  void validUserPathVerifiesAndRevokedUserIsOnTheServedCrlAndOcsp() throws Exception {
    TestProvider sm2 = demo.providers().get(2);
    DemoPki.DemoUser zhangsan = user("demo-sm2", "zhangsan");
    DemoPki.DemoUser zhaoliu = user("demo-sm2", "zhaoliu");

    Pkix.validate(
        zhangsan.credentials().signature().certificate(),
        sm2,
        Instant.now(),
        sm2.crls(Instant.now(), Instant.now().plusSeconds(60)));
    HttpResponse<byte[]> fetched =
        OcspClient.HTTP.send(
            HttpRequest.newBuilder(demo.crlServer().issuingCrlUrl("demo-sm2")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    BigInteger revokedSerial = zhaoliu.credentials().signature().serialNumber();
    assertThat(CrlServerIT.parse(fetched.body()).getRevokedCertificate(revokedSerial)).isNotNull();
    var revoked =
        OcspClient.ask(
            demo.ocspResponder().url(), sm2.issuingCertificate(), revokedSerial, new byte[16]);
    assertThat(OcspResponderIT.basic(revoked).getResponses()[0].getCertStatus())
        .isInstanceOf(RevokedStatus.class);
    var good =
        OcspClient.ask(
            demo.ocspResponder().url(),
            sm2.issuingCertificate(),
            zhangsan.credentials().signature().serialNumber(),
            new byte[16]);
    assertThat(OcspResponderIT.basic(good).getResponses()[0].getCertStatus())
        .isEqualTo(CertificateStatus.GOOD);
  }

  @Test
  void manifestListsProvidersUsersAndUrls() throws Exception {
    String manifest = Files.readString(demo.manifest(), StandardCharsets.UTF_8);

    assertThat(manifest)
        .contains("\"code\": \"demo-rsa\"", "\"code\": \"demo-ec\"", "\"code\": \"demo-sm2\"")
        .contains("\"name\": \"张三\"", "\"status\": \"REVOKED\"", "\"status\": \"EXPIRED\"")
        .contains("\"softKey\": \"softkeys/demo-sm2-zhangsan.p12\"")
        .contains(demo.ocspResponder().url().toString())
        .contains("\"lockId\": \"DEMO-RSA-ZHANGSAN\"");
  }

  @Test
  void eachSoftKeyHasASidecarWithItsTwoCertificates() throws Exception {
    for (DemoPki.DemoUser user : demo.users()) {
      String name = user.softKey().getFileName().toString().replace(".p12", ".crt");
      String pem = Files.readString(user.softKey().resolveSibling(name), StandardCharsets.US_ASCII);
      assertThat(pem.split("-----BEGIN CERTIFICATE-----", -1)).as(name).hasSize(3);
    }
  }

  @Test
  void manifestIsWellFormedJson() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is not installed");
    Process check =
        new ProcessBuilder(
                "/usr/bin/python3",
                "-c",
                "import json,sys; json.load(open(sys.argv[1], encoding='utf-8'))",
                demo.manifest().toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor()).as(output).isZero();
  }

  private DemoPki.DemoUser user(String provider, String login) {
    List<DemoPki.DemoUser> found =
        demo.users().stream()
            .filter(u -> u.providerCode().equals(provider) && u.login().equals(login))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
