package io.certgate.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestProviderTest {
  static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

  @ParameterizedTest
  @EnumSource(KeyKind.class)
  void userChainVerifiesWithBouncyCastlePkixIncludingCrls(KeyKind kind) throws Exception {
    TestProvider provider =
        TestProvider.create("p-" + kind.name().toLowerCase().replace('_', '-'), kind, NOW);
    UserCredentials user = provider.issueUser("张三");

    Pkix.validate(
        user.signature().certificate(),
        provider,
        NOW,
        provider.crls(NOW, NOW.plus(Duration.ofDays(1))));

    assertThat(user.signature().certificate().getSigAlgName())
        .isEqualToIgnoringCase(kind.signatureAlgorithm());
    assertThat(user.signature().chain())
        .containsExactly(
            user.signature().certificate(),
            provider.issuingCertificate(),
            provider.rootCertificate());
  }

  @ParameterizedTest
  @EnumSource(KeyKind.class)
  void revokedUserFailsPkixAndIsListedOnAVerifiableCrl(KeyKind kind) throws Exception {
    TestProvider provider = TestProvider.create("revoking", kind, NOW);
    UserCredentials user = provider.issueUser("李四");
    BigInteger serial = user.signature().serialNumber();
    Instant when = NOW.minus(Duration.ofMinutes(5));

    provider.revoke(serial, when);
    X509CRL crl = provider.crl(NOW, NOW.plus(Duration.ofDays(1)));

    crl.verify(provider.issuingCertificate().getPublicKey(), Bc.PROVIDER);
    assertThat(crl.getRevokedCertificate(serial)).isNotNull();
    assertThat(crl.getRevokedCertificate(serial).getRevocationDate().toInstant()).isEqualTo(when);
    assertThat(crl.getRevokedCertificate(user.encryption().serialNumber())).isNull();
    assertThat(
            Pkix.failure(
                user.signature().certificate(),
                provider,
                NOW,
                provider.crls(NOW, NOW.plusSeconds(3600))))
        .startsWith("Certificate revocation after");
  }

  @Test
  void revokingTheIssuingCaGoesOnTheRootCrl() throws Exception {
    TestProvider provider = TestProvider.create("root-revokes", KeyKind.EC_P256, NOW);
    UserCredentials user = provider.issueUser("王五");
    BigInteger issuingSerial = provider.issuingCertificate().getSerialNumber();

    provider.revoke(issuingSerial, NOW.minusSeconds(60));

    X509CRL rootCrl = provider.rootCrl(NOW, NOW.plusSeconds(3600));
    rootCrl.verify(provider.rootCertificate().getPublicKey(), Bc.PROVIDER);
    assertThat(rootCrl.getRevokedCertificate(issuingSerial)).isNotNull();
    assertThat(provider.crl(NOW, NOW.plusSeconds(3600)).getRevokedCertificates()).isNull();
    assertThat(
            Pkix.failure(
                user.signature().certificate(),
                provider,
                NOW,
                provider.crls(NOW, NOW.plusSeconds(3600))))
        .startsWith("Certificate revocation after");
  }

  @Test
  void crlNumbersIncreaseAndTimesAreAsAsked() throws Exception {
    TestProvider provider = TestProvider.create("numbers", KeyKind.EC_P256, NOW);
    X509CRL first = provider.crl(NOW, NOW.plusSeconds(600));
    X509CRL second = provider.crl(NOW.plusSeconds(60), NOW.plusSeconds(660));

    assertThat(crlNumber(second)).isEqualTo(crlNumber(first).add(BigInteger.ONE));
    assertThat(second.getThisUpdate().toInstant()).isEqualTo(NOW.plusSeconds(60));
    assertThat(second.getNextUpdate().toInstant()).isEqualTo(NOW.plusSeconds(660));
    assertThat(second.getIssuerX500Principal())
        .isEqualTo(provider.issuingCertificate().getSubjectX500Principal());
  }

  @Test
  void anchorsPemHoldsRootThenIssuingCa() {
    TestProvider provider = TestProvider.create("pem", KeyKind.RSA_2048, NOW);
    String pem = provider.anchorsPem();

    assertThat(pem.split("-----BEGIN CERTIFICATE-----", -1)).hasSize(3);
    assertThat(provider.anchors())
        .containsExactly(provider.rootCertificate(), provider.issuingCertificate());
  }

  @Test
  void builderRejectsBadConfiguration() {
    assertThatThrownBy(() -> TestProvider.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("code");
    assertThatThrownBy(() -> TestProvider.builder().code("Bad Code").build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                TestProvider.builder().code("ok").ocspUrl(java.net.URI.create("/relative")).build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void revocationUrlsAreEmbedded() throws Exception {
    TestProvider provider =
        TestProvider.builder()
            .code("urls")
            .keyKind(KeyKind.EC_P256)
            .at(NOW)
            .crlDistributionPoint(java.net.URI.create("http://127.0.0.1:1/crl/urls/issuing.crl"))
            .rootCrlDistributionPoint(java.net.URI.create("http://127.0.0.1:1/crl/urls/root.crl"))
            .ocspUrl(java.net.URI.create("http://127.0.0.1:1/ocsp"))
            .build();
    X509Certificate user = provider.issueUser("赵六").signature().certificate();

    assertThat(
            new String(
                user.getExtensionValue(Extension.cRLDistributionPoints.getId()),
                java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("http://127.0.0.1:1/crl/urls/issuing.crl");
    assertThat(
            new String(
                user.getExtensionValue(Extension.authorityInfoAccess.getId()),
                java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("http://127.0.0.1:1/ocsp");
    assertThat(
            new String(
                provider
                    .issuingCertificate()
                    .getExtensionValue(Extension.cRLDistributionPoints.getId()),
                java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("http://127.0.0.1:1/crl/urls/root.crl");
  }

  private static BigInteger crlNumber(X509CRL crl) {
    byte[] outer = crl.getExtensionValue(Extension.cRLNumber.getId());
    return ASN1Integer.getInstance(ASN1OctetString.getInstance(outer).getOctets()).getValue();
  }

  static List<X509CRL> noCrls() {
    return List.of();
  }
}
