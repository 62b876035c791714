package io.certgate.core.revocation;

import static io.certgate.core.support.CrlExtensions.certificateIssuer;
import static io.certgate.core.support.CrlExtensions.distributionPoints;
import static io.certgate.core.support.CrlExtensions.idp;
import static io.certgate.core.support.CrlExtensions.keyUsage;
import static io.certgate.core.support.CrlExtensions.point;
import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.core.support.CrlCase;
import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestCa;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.ReasonFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 §2: a CRL answers only for what it covers (RFC 5280 §6.3.3), and no covering CRL means
 * unknown ({@code REVOCATION_UNKNOWN} in HARD mode). Each case is also put to {@code openssl verify
 * -x509_strict -crl_check_all -extended_crl -use_deltas}.
 */
class CrlCoverageTest {
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  static final String DP = "http://127.0.0.1:9/";

  @TempDir Path dir;
  final TestCa root = TestCa.root("CN=Coverage Root,O=CG", KeyKind.EC_P256, NOW);
  final TestCa issuing = root.subordinate("CN=Coverage Issuing,O=CG");

  @Test
  void crlOfACaWhoseKeyUsageLacksCrlSignVouchesForNothing() throws Exception {
    TestCa noCrlSign = root.subordinate("CN=No cRLSign,O=CG", keyUsage(KeyUsage.keyCertSign));
    Credential user = noCrlSign.user("CN=甲", "L");
    // Listed, so that only its missing cRLSign can keep its CRL from counting.
    CrlCase c =
        cases()
            .listing(root.certificate(), noCrlSign.certificate())
            .crls(rootCrl(), crl(noCrlSign, Map.of()));

    assertThat(c.certgate(user)).isEqualTo("REVOCATION_UNKNOWN");
    assertThat(c.openssl(user).ok()).isFalse();
  }

  @Test
  void partitionedCrlsOfOneIssuerEachAnswerOnlyForTheirPartition() throws Exception {
    Credential a = issuing.user("CN=分区A", "A", distributionPoints(point(DP + "a.crl", null)));
    Credential b = issuing.user("CN=分区B", "B", distributionPoints(point(DP + "b.crl", null)));
    Credential c = issuing.user("CN=分区C", "C", distributionPoints(point(DP + "c.crl", null)));
    X509CRL partA = crl(issuing, Map.of(), idp(DP + "a.crl", false, false, 0, false));
    X509CRL partB =
        crl(issuing, Map.of(b.serialNumber(), 1), idp(DP + "b.crl", false, false, 0, false));
    CrlCase all = cases().listing(root.certificate()).crls(rootCrl(), partA, partB);

    assertThat(all.certgate(a)).isEqualTo("OK");
    assertThat(all.certgate(b)).isEqualTo("CERT_REVOKED");
    assertThat(all.certgate(c)).isEqualTo("REVOCATION_UNKNOWN");
    assertThat(all.openssl(a).ok()).as(all.openssl(a).output()).isTrue();
    assertThat(all.openssl(b).output()).contains("revoked");
    assertThat(all.openssl(c).ok()).isFalse();
  }

  @Test
  void crlLimitedToSomeReasonsLeavesTheOtherReasonsUnknown() throws Exception {
    Credential user = issuing.user("CN=理由", "R");
    int keyReasons = ReasonFlags.keyCompromise | ReasonFlags.cACompromise;
    int otherReasons = CrlScope.ALL_REASONS & ~keyReasons;
    X509CRL keyOnly = crl(issuing, Map.of(), idp(null, false, false, keyReasons, false));
    X509CRL others = crl(issuing, Map.of(), idp(null, false, false, otherReasons, false));
    CrlCase partial = cases().listing(root.certificate()).crls(rootCrl(), keyOnly);
    CrlCase both = cases().listing(root.certificate()).crls(rootCrl(), keyOnly, others);

    assertThat(partial.certgate(user)).isEqualTo("REVOCATION_UNKNOWN");
    assertThat(both.certgate(user)).isEqualTo("OK");
    assertThat(partial.openssl(user).ok()).isFalse();
    assertThat(both.openssl(user).ok()).as(both.openssl(user).output()).isTrue();
  }

  @Test
  void crlOfCaCertificatesOnlyDoesNotCoverAnEndCertificate() throws Exception {
    Credential user = issuing.user("CN=仅CA", "K");
    X509CRL caOnly = crl(issuing, Map.of(), idp(null, false, true, 0, false));
    CrlCase c = cases().listing(root.certificate()).crls(rootCrl(), caOnly);

    assertThat(c.certgate(user)).isEqualTo("REVOCATION_UNKNOWN");
    assertThat(c.openssl(user).ok()).isFalse();
  }

  @Test
  void indirectCrlAnswersForTheCertificatesThatNameItsIssuer() throws Exception {
    TestCa authority = root.subordinate("CN=CRL Authority,O=CG", keyUsage(KeyUsage.cRLSign));
    Extension viaAuthority = distributionPoints(point(DP + "indirect.crl", authority.name()));
    Credential revoked = issuing.user("CN=间接甲", "I1", viaAuthority);
    Credential good = issuing.user("CN=间接乙", "I2", viaAuthority);
    X509CRL indirect =
        authority.crl(
            NOW.minus(Duration.ofHours(1)),
            NOW.plus(Duration.ofDays(1)),
            Map.of(revoked.serialNumber(), 1),
            Map.of(revoked.serialNumber(), List.of(certificateIssuer(issuing.name()))),
            idp(DP + "indirect.crl", false, false, 0, true));
    X509CRL direct = crl(issuing, Map.of());
    CrlCase c =
        cases()
            .listing(root.certificate(), issuing.certificate(), authority.certificate())
            .crls(rootCrl(), indirect, direct);

    assertThat(c.certgate(revoked)).isEqualTo("CERT_REVOKED");
    assertThat(c.certgate(good)).isEqualTo("OK");
    // OpenSSL 3.0 accepts the revoked certificate here: the entry of the indirect CRL (its
    // certificateIssuer naming the issuing CA) does not reach it, while the issuing CA's own CRL,
    // which RFC 5280 §6.3.3 (a) rules out for a distribution point naming another cRLIssuer,
    // answers. By the RFC the certificate is revoked; CertGate follows the RFC.
    assertThat(c.openssl(revoked).ok()).isTrue();
    assertThat(c.openssl(good).ok()).as(c.openssl(good).output()).isTrue();
  }

  @Test
  void crlSignedByASeparateCrlKeyOfTheSameCaCounts() throws Exception {
    TestCa crlKey = root.subordinate("CN=Coverage Issuing,O=CG", keyUsage(KeyUsage.cRLSign));
    Credential user = issuing.user("CN=另钥", "S");
    X509CRL separate = crl(crlKey, Map.of(user.serialNumber(), 1));
    CrlCase c =
        cases()
            .listing(root.certificate(), issuing.certificate(), crlKey.certificate())
            .crls(rootCrl(), separate);

    assertThat(c.certgate(user)).isEqualTo("CERT_REVOKED");
    // OpenSSL 3.0 checks the CRL against the certificate's issuer key only ("CRL signature
    // failure"); RFC 5280 §6.3.3 (f) lets a CA sign CRLs with another key certified under the
    // same name and anchor. CertGate follows the RFC: the revocation it publishes counts.
    assertThat(c.openssl(user).output()).contains("CRL signature failure");
  }

  @Test
  void rootCrlSignedByEitherKeyOfARolloverCounts() throws Exception {
    TestCa oldRoot = TestCa.root("CN=Rollover Root,O=CG", KeyKind.EC_P256, NOW);
    TestCa newWithOld = oldRoot.subordinate("CN=Rollover Root,O=CG", oldRoot.newKeys());
    TestCa underNewKey = newWithOld.subordinate("CN=Issuing under the new key,O=CG");
    Credential user = underNewKey.user("CN=轮换", "K");
    X509CRL issuingCrl = crl(underNewKey, Map.of());
    Map<BigInteger, Integer> revokedIssuing =
        Map.of(underNewKey.certificate().getSerialNumber(), 2);

    for (TestCa signer : List.of(oldRoot, newWithOld)) {
      CrlCase good = cases().listing(oldRoot.certificate()).crls(crl(signer, Map.of()), issuingCrl);
      CrlCase revoked =
          cases().listing(oldRoot.certificate()).crls(crl(signer, revokedIssuing), issuingCrl);

      assertThat(good.certgate(user)).as("signed by %s", signer.publicKey()).isEqualTo("OK");
      assertThat(revoked.certgate(user)).isEqualTo("CERT_REVOKED");
    }
    // OpenSSL checks the root's CRL only against the key of the certificate above the issuing CA
    // (the new key here): the new key's CRL works, the old key's fails its signature check.
    CrlCase byNewKey =
        cases().listing(oldRoot.certificate()).crls(crl(newWithOld, revokedIssuing), issuingCrl);
    assertThat(byNewKey.openssl(user).output()).contains("revoked");
  }

  CrlCase cases() {
    return new CrlCase(dir, NOW);
  }

  X509CRL rootCrl() {
    return crl(root, Map.of());
  }

  static X509CRL crl(TestCa ca, Map<BigInteger, Integer> revoked, Extension... extensions) {
    return ca.crl(
        NOW.minus(Duration.ofHours(1)),
        NOW.plus(Duration.ofDays(1)),
        revoked,
        Map.of(),
        extensions);
  }
}
