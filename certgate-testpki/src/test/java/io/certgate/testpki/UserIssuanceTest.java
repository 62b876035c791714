package io.certgate.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserIssuanceTest {
  static final Instant NOW = TestProviderTest.NOW;
  // keyUsage bit positions in X509Certificate#getKeyUsage()
  static final int DIGITAL_SIGNATURE = 0,
      NON_REPUDIATION = 1,
      KEY_ENCIPHERMENT = 2,
      KEY_AGREEMENT = 4;

  TestProvider ec;
  TestProvider rsa;

  @BeforeAll
  void providers() {
    ec = TestProvider.create("users-ec", KeyKind.EC_P256, NOW);
    rsa = TestProvider.create("users-rsa", KeyKind.RSA_2048, NOW);
  }

  @Test
  void validSignatureCertificateHasSigningUsagesClientAuthAndLockId() throws Exception {
    UserCredentials user =
        ec.issueUser(UserSpec.builder("张三").organisation("杭州某某科技有限公司").lockId("LOCK-0001").build());
    X509Certificate cert = user.signature().certificate();

    assertThat(cert.getKeyUsage()[DIGITAL_SIGNATURE]).isTrue();
    assertThat(cert.getKeyUsage()[NON_REPUDIATION]).isTrue();
    assertThat(cert.getKeyUsage()[KEY_ENCIPHERMENT]).isFalse();
    assertThat(cert.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_clientAuth.getId());
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    cert.checkValidity(Date.from(NOW));
    assertThat(lockIdExtension(cert)).isEqualTo("LOCK-0001");
    assertThat(user.lockId()).isEqualTo("LOCK-0001");
    X500Name subject = new JcaX509CertificateHolder(cert).getSubject();
    assertThat(subject.toString()).contains("CN=张三").contains("O=杭州某某科技有限公司");
    assertThat(
            subject
                .getRDNs(new ASN1ObjectIdentifier(TestOids.LOCK_ID_SUBJECT_ATTRIBUTE))[0]
                .getFirst()
                .getValue()
                .toString())
        .isEqualTo("LOCK-0001");
  }

  @Test
  void encryptionCertificateOfEcUserHasKeyAgreementOnly() throws Exception {
    X509Certificate cert = ec.issueUser("张三").encryption().certificate();

    assertThat(setBits(cert.getKeyUsage())).containsExactly(KEY_AGREEMENT);
    assertThat(cert.getExtendedKeyUsage()).isNull();
  }

  @Test
  void encryptionCertificateOfRsaUserHasKeyEnciphermentOnly() {
    UserCredentials user = rsa.issueUser("张三");

    assertThat(setBits(user.encryption().certificate().getKeyUsage()))
        .containsExactly(KEY_ENCIPHERMENT);
    assertThat(lockIdExtension(user.encryption().certificate())).isEqualTo(user.lockId());
    assertThat(user.encryption().publicKey()).isNotEqualTo(user.signature().publicKey());
  }

  @Test
  void optionsDropNonRepudiationEkuAndSubjectAttribute() throws Exception {
    UserSpec spec =
        UserSpec.builder("钱七")
            .nonRepudiation(false)
            .clientAuth(false)
            .lockIdInSubject(false)
            .build();
    X509Certificate cert = ec.issueUser(spec).signature().certificate();

    assertThat(setBits(cert.getKeyUsage())).containsExactly(DIGITAL_SIGNATURE);
    assertThat(cert.getExtendedKeyUsage()).isNull();
    assertThat(
            new JcaX509CertificateHolder(cert)
                .getSubject()
                .getRDNs(new ASN1ObjectIdentifier(TestOids.LOCK_ID_SUBJECT_ATTRIBUTE)))
        .isEmpty();
  }

  @Test
  void expiredVariantEndedBeforeNow() {
    X509Certificate cert = variant(UserSpec.Variant.EXPIRED);

    assertThatThrownBy(() -> cert.checkValidity(Date.from(NOW)))
        .isInstanceOf(CertificateExpiredException.class);
    assertThat(cert.getNotAfter().toInstant()).isBefore(NOW);
  }

  @Test
  void notYetValidVariantStartsAfterNow() {
    X509Certificate cert = variant(UserSpec.Variant.NOT_YET_VALID);

    assertThatThrownBy(() -> cert.checkValidity(Date.from(NOW)))
        .isInstanceOf(CertificateNotYetValidException.class);
  }

  @Test
  void wrongEkuVariantAllowsEmailProtectionOnly() throws Exception {
    X509Certificate cert = variant(UserSpec.Variant.WRONG_EKU);

    assertThat(cert.getExtendedKeyUsage())
        .containsExactly(KeyPurposeId.id_kp_emailProtection.getId());
    assertThat(cert.getKeyUsage()[DIGITAL_SIGNATURE]).isTrue();
  }

  @Test
  void noKeyUsageVariantHasNoKeyUsageExtension() {
    assertThat(variant(UserSpec.Variant.NO_KEY_USAGE).getKeyUsage()).isNull();
  }

  @Test
  void encryptionOnlyVariantCannotSign() {
    X509Certificate cert = variant(UserSpec.Variant.ENCRYPTION_ONLY);

    assertThat(setBits(cert.getKeyUsage())).containsExactly(KEY_AGREEMENT);
  }

  @Test
  void userKeyKindMayDifferFromTheCas() throws Exception {
    UserCredentials user = ec.issueUser(UserSpec.builder("孙八").keyKind(KeyKind.RSA_2048).build());

    assertThat(user.signature().publicKey()).isInstanceOf(RSAPublicKey.class);
    assertThat(setBits(user.encryption().certificate().getKeyUsage()))
        .containsExactly(KEY_ENCIPHERMENT);
    Pkix.validate(user.signature().certificate(), ec, NOW, ec.crls(NOW, NOW.plusSeconds(60)));
  }

  @Test
  void sm2UserKeyIsOnTheSm2Curve() {
    UserCredentials user = ec.issueUser(UserSpec.builder("周九").keyKind(KeyKind.SM2).build());

    ECPublicKey key = (ECPublicKey) user.signature().publicKey();
    assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
    assertThat(
            org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(key.getEncoded())
                .getAlgorithm()
                .getParameters()
                .toString())
        .isEqualTo("1.2.156.10197.1.301");
  }

  @Test
  void lockIdExtensionMayBeAnIa5String() {
    X509Certificate cert =
        ec.issueUser(UserSpec.builder("郑十一").lockId("IA5-LOCK").lockIdAsIa5String(true).build())
            .signature()
            .certificate();

    byte[] value =
        ASN1OctetString.getInstance(cert.getExtensionValue(TestOids.LOCK_ID_EXTENSION)).getOctets();
    assertThat(org.bouncycastle.asn1.ASN1IA5String.getInstance(value).getString())
        .isEqualTo("IA5-LOCK");
  }

  @Test
  void specRejectsBlankNamesAndNonAsciiIa5LockIds() {
    assertThatThrownBy(() -> UserSpec.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UserSpec.builder("张三").organisation("").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UserSpec.builder("张三").lockId("锁").lockIdAsIa5String(true).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomLockIdsDiffer() {
    assertThat(ec.issueUser("甲").lockId())
        .isNotEqualTo(ec.issueUser("乙").lockId())
        .startsWith("LOCK");
  }

  private X509Certificate variant(UserSpec.Variant variant) {
    return ec.issueUser(UserSpec.builder("吴十").variant(variant).build()).signature().certificate();
  }

  static String lockIdExtension(X509Certificate cert) {
    byte[] outer = cert.getExtensionValue(TestOids.LOCK_ID_EXTENSION);
    return ASN1UTF8String.getInstance(ASN1OctetString.getInstance(outer).getOctets()).getString();
  }

  static java.util.List<Integer> setBits(boolean[] bits) {
    java.util.List<Integer> set = new java.util.ArrayList<>();
    for (int i = 0; i < bits.length; i++) {
      if (bits[i]) {
        set.add(i);
      }
    }
    return set;
  }
}
