package io.certgate.core.lockid;

import static io.certgate.core.lockid.TestCertificates.certificate;
import static io.certgate.core.lockid.TestCertificates.ecKey;
import static io.certgate.core.lockid.TestCertificates.withExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.core.CertGateException;
import io.certgate.core.CertMalformedException;
import io.certgate.core.ErrorCode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LockIdRuleTest {
  private static final String VENDOR_OID = "1.2.156.10260.4.1.1";

  private static KeyPair key;

  @BeforeAll
  static void makeKey() throws Exception {
    key = ecKey("secp256r1");
  }

  @Test
  void spkiSha256IsLowercaseHexSha256OfThePublicKeyInfo() throws Exception {
    X509Certificate cert = certificate(key, "CN=A", "CN=CA", BigInteger.ONE);
    String expected =
        Hex.toHexString(MessageDigest.getInstance("SHA-256").digest(key.getPublic().getEncoded()));

    assertThat(LockIdRule.parse("SPKI_SHA256").extract(cert)).isEqualTo(expected).hasSize(64);
  }

  @Test
  void spkiSha256StaysTheSameAcrossRenewalOfTheSameKey() throws Exception {
    X509Certificate first = certificate(key, "CN=A", "CN=CA", BigInteger.ONE);
    X509Certificate renewed = certificate(key, "CN=A", "CN=CA", BigInteger.TWO);

    assertThat(LockIdRule.DEFAULT.extract(renewed)).isEqualTo(LockIdRule.DEFAULT.extract(first));
  }

  @Test
  void spkiSha256WorksForSm2Certificates() throws Exception {
    KeyPair sm2 = ecKey("sm2p256v1");
    X509Certificate cert = certificate(sm2, "CN=SM2 User", "CN=SM2 CA", BigInteger.ONE);
    String expected =
        Hex.toHexString(MessageDigest.getInstance("SHA-256").digest(sm2.getPublic().getEncoded()));

    assertThat(LockIdRule.DEFAULT.extract(cert)).isEqualTo(expected);
  }

  @Test
  void issuerSerialIsRfc2253IssuerColonLowercaseHexSerial() throws Exception {
    X509Certificate cert =
        certificate(key, "CN=A", "O=Demo,CN=Demo Issuing CA", BigInteger.valueOf(0x1A2B));

    assertThat(LockIdRule.parse("ISSUER_SERIAL").extract(cert))
        .isEqualTo("CN=Demo Issuing CA,O=Demo:1a2b");
  }

  @Test
  void issuerSerialKeepsChineseIssuerNamesAsText() throws Exception {
    X509Certificate cert =
        certificate(key, "CN=A", "C=CN,O=汇信,CN=浙江汇信CA", new BigInteger("0f", 16));

    assertThat(LockIdRule.parse("ISSUER_SERIAL").extract(cert)).isEqualTo("CN=浙江汇信CA,O=汇信,C=CN:f");
  }

  @Test
  void subjectAttributeReadsTheStringValueOfThatAttribute() throws Exception {
    X509Certificate cert =
        certificate(key, "CN=张三,SERIALNUMBER=LOCK-0042,O=供应商", "CN=CA", BigInteger.ONE);

    assertThat(LockIdRule.parse("SUBJECT_ATTRIBUTE:2.5.4.5").extract(cert)).isEqualTo("LOCK-0042");
    assertThat(LockIdRule.parse("SUBJECT_ATTRIBUTE:2.5.4.3").extract(cert)).isEqualTo("张三");
  }

  @Test
  void subjectAttributeFindsAValueInsideAMultiValuedRdn() throws Exception {
    X509Certificate cert = certificate(key, "CN=张三+SERIALNUMBER=LOCK-7", "CN=CA", BigInteger.ONE);

    assertThat(LockIdRule.parse("SUBJECT_ATTRIBUTE:2.5.4.5").extract(cert)).isEqualTo("LOCK-7");
  }

  @Test
  void subjectAttributeMissingIsCertMalformed() throws Exception {
    X509Certificate cert = certificate(key, "CN=A", "CN=CA", BigInteger.ONE);

    assertThatThrownBy(() -> LockIdRule.parse("SUBJECT_ATTRIBUTE:2.5.4.5").extract(cert))
        .isInstanceOf(CertMalformedException.class)
        .hasMessageContaining("2.5.4.5")
        .satisfies(
            e -> assertThat(((CertGateException) e).code()).isEqualTo(ErrorCode.CERT_MALFORMED));
  }

  @Test
  void extensionUnwrapsUtf8String() throws Exception {
    assertThat(extensionLockId(new DERUTF8String("锁-0001"))).isEqualTo("锁-0001");
  }

  @Test
  void extensionUnwrapsPrintableString() throws Exception {
    assertThat(extensionLockId(new DERPrintableString("HX1234567890"))).isEqualTo("HX1234567890");
  }

  @Test
  void extensionUnwrapsIa5String() throws Exception {
    assertThat(extensionLockId(new DERIA5String("ia5-lock"))).isEqualTo("ia5-lock");
  }

  @Test
  void extensionUnwrapsBmpString() throws Exception {
    assertThat(extensionLockId(new DERBMPString("天谷0099"))).isEqualTo("天谷0099");
  }

  @Test
  void extensionUnwrapsUniversalStringAsUcs4() throws Exception {
    byte[] ucs4 = "汇信-7".getBytes(java.nio.charset.Charset.forName("UTF-32BE"));

    assertThat(extensionLockId(new org.bouncycastle.asn1.DERUniversalString(ucs4)))
        .isEqualTo("汇信-7");
  }

  @Test
  void extensionUnwrapsAStringInsideAnOctetString() throws Exception {
    assertThat(extensionLockId(new DEROctetString(new DERUTF8String("nested-1"))))
        .isEqualTo("nested-1");
  }

  @Test
  void extensionReadsRawTextInsideAnOctetString() throws Exception {
    byte[] raw = "RAW-LOCK-55".getBytes(StandardCharsets.UTF_8);

    assertThat(extensionLockId(new DEROctetString(raw))).isEqualTo("RAW-LOCK-55");
  }

  @Test
  void extensionGivesBinaryOctetStringContentAsHex() throws Exception {
    byte[] binary = {0x00, 0x01, (byte) 0xfe, (byte) 0xff};

    assertThat(extensionLockId(new DEROctetString(binary))).isEqualTo("0001feff");
  }

  @Test
  void extensionUnwrapsASequenceOfOneString() throws Exception {
    assertThat(extensionLockId(new DERSequence(new DERPrintableString("SEQ-1"))))
        .isEqualTo("SEQ-1");
  }

  @Test
  void extensionValueIsStrippedOfSurroundingSpace() throws Exception {
    assertThat(extensionLockId(new DERPrintableString("  PADDED  "))).isEqualTo("PADDED");
  }

  @Test
  void missingExtensionIsCertMalformed() throws Exception {
    X509Certificate cert = certificate(key, "CN=A", "CN=CA", BigInteger.ONE);

    assertThatThrownBy(() -> LockIdRule.parse("EXTENSION:" + VENDOR_OID).extract(cert))
        .isInstanceOf(CertMalformedException.class)
        .hasMessageContaining("no lock-ID extension " + VENDOR_OID);
  }

  @Test
  void extensionThatIsNotAStringIsCertMalformed() throws Exception {
    X509Certificate cert = withExtension(key, VENDOR_OID, new ASN1Integer(42));

    assertThatThrownBy(() -> LockIdRule.parse("EXTENSION:" + VENDOR_OID).extract(cert))
        .isInstanceOf(CertMalformedException.class)
        .hasMessageContaining("not a string");
  }

  @Test
  void emptyExtensionStringIsCertMalformed() throws Exception {
    X509Certificate cert = withExtension(key, VENDOR_OID, new DERUTF8String(" "));

    assertThatThrownBy(() -> LockIdRule.parse("EXTENSION:" + VENDOR_OID).extract(cert))
        .isInstanceOf(CertMalformedException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"SPKI_SHA256", "ISSUER_SERIAL", "SUBJECT_ATTRIBUTE:2.5.4.5", "EXTENSION:1.2.3.4"})
  void toStringGivesTheRuleTextBack(String text) {
    assertThat(LockIdRule.parse(text)).hasToString(text);
    assertThat(LockIdRule.parse(LockIdRule.parse(text).toString()))
        .isEqualTo(LockIdRule.parse(text));
  }

  @Test
  void parseAcceptsAnyCaseAndSurroundingSpaceAndGivesTheCanonicalText() {
    assertThat(LockIdRule.parse("  extension: 1.2.156.10260.4.1.1 "))
        .isEqualTo(LockIdRule.parse("EXTENSION:1.2.156.10260.4.1.1"))
        .hasToString("EXTENSION:1.2.156.10260.4.1.1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "SHA1",
        "SPKI_SHA256:1.2.3",
        "ISSUER_SERIAL:x",
        "EXTENSION",
        "EXTENSION:",
        "EXTENSION:abc",
        "SUBJECT_ATTRIBUTE:1..2",
        "SUBJECT_ATTRIBUTE:7.1",
        "EXTENSION:1.02.3"
      })
  void rejectsTextThatIsNotARuleWithAClearMessage(String text) {
    assertThatThrownBy(() -> LockIdRule.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid lock-ID rule '" + text + "'")
        .hasMessageContaining("expected SPKI_SHA256, ISSUER_SERIAL");
  }

  private static String extensionLockId(org.bouncycastle.asn1.ASN1Encodable value)
      throws Exception {
    X509Certificate cert = withExtension(key, VENDOR_OID, value);
    return LockIdRule.parse("EXTENSION:" + VENDOR_OID).extract(cert);
  }
}
