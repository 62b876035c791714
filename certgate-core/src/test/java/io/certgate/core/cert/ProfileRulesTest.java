package io.certgate.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.core.lockid.LockIdRule;
import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.OpenSslReference;
import io.certgate.testpki.TestCa;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 §3: the RFC 5280 §4 profile rules OpenSSL's strict mode makes ({@link ProfileRule}),
 * each refused as CERT_UNTRUSTED unless the provider relaxed that one rule, in which case the
 * validated certificate names it for the audit.
 */
class ProfileRulesTest {
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @TempDir Path dir;
  final TestCa root = TestCa.root("CN=Profile Root,O=CG", KeyKind.EC_P256, NOW);
  final TestCa issuing = root.subordinate("CN=Profile Issuing,O=CG");

  @Test
  void serialNumberZeroOrLongerThanTwentyOctetsIsRefused() throws Exception {
    Credential zero = variant("CN=零", List.of(), BigInteger.ZERO);
    Credential long21 = variant("CN=长", List.of(), BigInteger.ONE.shiftLeft(20 * 8));

    assertThat(verdict(zero)).isEqualTo("CERT_UNTRUSTED");
    assertThat(verdict(long21)).isEqualTo("CERT_UNTRUSTED");
    assertThat(relaxed(long21, ProfileRule.SERIAL_NUMBER))
        .containsExactly(ProfileRule.SERIAL_NUMBER);
    // OpenSSL 3.0's -x509_strict does not look at the serial number's length or sign.
    assertThat(openssl(long21).ok()).isTrue();
  }

  @Test
  void certificateWithoutAuthorityKeyIdentifierIsRefused() throws Exception {
    Credential noAki = variant("CN=无AKI", List.of(Extension.authorityKeyIdentifier), null);

    assertThat(verdict(noAki)).isEqualTo("CERT_UNTRUSTED");
    assertThat(relaxed(noAki, ProfileRule.AUTHORITY_KEY_ID))
        .containsExactly(ProfileRule.AUTHORITY_KEY_ID);
    assertThat(openssl(noAki).output()).contains("Missing Authority Key Identifier");
  }

  @Test
  void emptySubjectNeedsACriticalSubjectAltName() throws Exception {
    KeyPair keys = issuing.newKeys();
    List<Extension> extensions = new ArrayList<>(issuing.userExtensions(keys.getPublic(), "E"));
    extensions.add(
        TestCa.extension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(new GeneralName(GeneralName.rfc822Name, "a@example.cn"))));
    X509Certificate cert =
        issuing.issueExactly(
            new X500Name(new org.bouncycastle.asn1.x500.RDN[0]), keys.getPublic(), extensions);
    Credential emptySubject = new Credential(cert, keys.getPrivate(), issuing.chain());

    assertThat(verdict(emptySubject)).isEqualTo("CERT_UNTRUSTED");
    assertThat(openssl(emptySubject).output()).contains("Subject Alt Name extension not critical");
  }

  @Test
  void wellFormedCertificateReportsNoRelaxation() throws Exception {
    Credential user = issuing.user("CN=正常", "OK");

    assertThat(verdict(user)).isEqualTo("OK");
    assertThat(relaxed(user, ProfileRule.values())).isEmpty();
  }

  /** A user certificate with the default extensions minus {@code without}, and this serial. */
  Credential variant(
      String dn, List<org.bouncycastle.asn1.ASN1ObjectIdentifier> without, BigInteger serial) {
    KeyPair keys = issuing.newKeys();
    List<Extension> extensions = new ArrayList<>(issuing.userExtensions(keys.getPublic(), dn));
    extensions.removeIf(e -> without.contains(e.getExtnId()));
    X509Certificate cert =
        serial == null
            ? issuing.issueExactly(new X500Name(dn), keys.getPublic(), extensions)
            : issuing.issueExactly(new X500Name(dn), keys.getPublic(), extensions, serial);
    return new Credential(cert, keys.getPrivate(), issuing.chain());
  }

  String verdict(Credential user) {
    return PathRulesTest.certgate(root, user);
  }

  java.util.Set<ProfileRule> relaxed(Credential user, ProfileRule... rules) throws Exception {
    ProviderTrust trust =
        ProviderTrust.builder("relaxed")
            .anchor(root.certificate())
            .lockIdRule(LockIdRule.DEFAULT)
            .relax(rules)
            .build();
    try (CertificateValidator validator =
        CertificateValidator.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .secureRandom(new SecureRandom())
            .provider(trust)
            .build()) {
      return validator.validate(user.certificate(), user.issuers(), Purpose.LOGIN).relaxed();
    }
  }

  OpenSslReference.Verdict openssl(Credential user) throws Exception {
    return OpenSslReference.in(dir.resolve("openssl"))
        .anchors(root.certificate())
        .untrusted(user.issuers().toArray(X509Certificate[]::new))
        .at(NOW)
        .verify(user.certificate());
  }
}
