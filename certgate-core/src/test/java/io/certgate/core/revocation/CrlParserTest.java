package io.certgate.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.core.revocation.Der.MalformedDerException;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrlParserTest {
  private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
  private static TestProvider provider;

  @BeforeAll
  static void provider() {
    provider = TestProvider.create("parser", KeyKind.EC_P256, NOW);
  }

  @Test
  void readsTimesEntriesAndSignature() throws Exception {
    byte[] der = crl(b -> b.addCRLEntry(BigInteger.valueOf(77), Date.from(NOW), 1));

    CrlParser.Envelope envelope = CrlParser.open(der);
    Crl crl = envelope.index();

    assertThat(envelope.signedBy(provider.issuingCertificate().getPublicKey())).isTrue();
    assertThat(envelope.signedBy(provider.rootCertificate().getPublicKey())).isFalse();
    assertThat(crl.thisUpdate()).isEqualTo(NOW);
    assertThat(crl.nextUpdate()).contains(NOW.plus(Duration.ofHours(1)));
    assertThat(crl.lists(BigInteger.valueOf(77))).isTrue();
    assertThat(crl.lists(BigInteger.valueOf(78))).isFalse();
    assertThat(crl.scope()).isSameAs(CrlScope.COMPLETE);
    assertThat(crl.isDelta()).isFalse();
  }

  @Test
  void detectsATamperedCrl() throws Exception {
    byte[] der = crl(b -> b.addCRLEntry(BigInteger.valueOf(5), Date.from(NOW), 0));
    int serialByte = indexOf(der, new byte[] {0x02, 0x01, 0x05});
    der[serialByte + 2] = 0x06; // a revocation "moved" to another serial

    assertThat(CrlParser.open(der).signedBy(provider.issuingCertificate().getPublicKey()))
        .isFalse();
  }

  @Test
  void readsDeltaCrlsBaseNumberAndRemovals() throws Exception {
    byte[] der =
        crl(
            b -> {
              b.addExtension(Extension.deltaCRLIndicator, true, new ASN1Integer(4));
              b.addExtension(Extension.cRLNumber, false, new ASN1Integer(6));
              b.addCRLEntry(BigInteger.valueOf(9), Date.from(NOW), 8); // removeFromCRL
              b.addCRLEntry(BigInteger.valueOf(10), Date.from(NOW), 1);
            });

    Crl crl = CrlParser.open(der).index();

    assertThat(crl.deltaBase()).contains(BigInteger.valueOf(4));
    assertThat(crl.number()).contains(BigInteger.valueOf(6));
    assertThat(crl.entries().says(crl.issuer(), BigInteger.valueOf(9))).contains(false);
    assertThat(crl.entries().says(crl.issuer(), BigInteger.valueOf(10))).contains(true);
    assertThat(crl.entries().says(crl.issuer(), BigInteger.valueOf(11))).isEmpty();
  }

  @Test
  void refusesUnknownCriticalExtension() throws Exception {
    byte[] der =
        crl(b -> b.addExtension(new ASN1ObjectIdentifier("1.2.3.4"), true, DERNull.INSTANCE));

    assertThatThrownBy(() -> CrlParser.open(der).index()).hasMessageContaining("critical");
  }

  @Test
  void honoursAnEndEntityOnlyScope() throws Exception {
    byte[] der =
        crl(
            b ->
                b.addExtension(
                    Extension.issuingDistributionPoint,
                    true,
                    new IssuingDistributionPoint(null, true, false, null, false, false)));

    Crl crl = CrlParser.open(der).index();
    java.security.cert.X509Certificate user = provider.issueUser("终端").signature().certificate();

    assertThat(crl.scope().coveredReasons(user, new IssuerName(user), crl))
        .isEqualTo(CrlScope.ALL_REASONS);
    assertThat(crl.scope().indirect()).isFalse();
  }

  @Test
  void refusesTruncatedOrPaddedInput() throws Exception {
    byte[] der = crl(b -> {});

    assertThatThrownBy(() -> CrlParser.open(Arrays.copyOf(der, der.length - 1)))
        .isInstanceOf(MalformedDerException.class);
    assertThatThrownBy(() -> CrlParser.open(Arrays.copyOf(der, der.length + 1)))
        .isInstanceOf(MalformedDerException.class);
    assertThatThrownBy(() -> CrlParser.open(new byte[] {0x30, (byte) 0x84, 0x7f, -1, -1, -1}))
        .isInstanceOf(MalformedDerException.class);
    assertThatThrownBy(() -> CrlParser.open(new byte[0])).isInstanceOf(MalformedDerException.class);
  }

  private interface Customiser {
    void apply(X509v2CRLBuilder builder) throws Exception;
  }

  private static byte[] crl(Customiser customiser) throws Exception {
    X509v2CRLBuilder builder =
        new X509v2CRLBuilder(
            new JcaX509CertificateHolder(provider.issuingCertificate()).getSubject(),
            Date.from(NOW));
    builder.setNextUpdate(Date.from(NOW.plus(Duration.ofHours(1))));
    customiser.apply(builder);
    return builder
        .build(
            new JcaContentSignerBuilder("SHA256withECDSA")
                .setProvider(new BouncyCastleProvider())
                .build(provider.issuing().privateKey()))
        .getEncoded();
  }

  private static int indexOf(byte[] data, byte[] needle) {
    for (int i = 0; i + needle.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
