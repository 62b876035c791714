package io.certgate.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.core.CertGateException;
import io.certgate.core.lockid.LockIdRule;
import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.OpenSslReference;
import io.certgate.testpki.TestCa;
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
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 §3: path validation as strict as RFC 5280 §6 — the root's own name constraints, unknown
 * critical extensions at every level, CA certificates that may not log in or issue, and key
 * rollover — each also put to {@code openssl verify -x509_strict}.
 */
class PathRulesTest {
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @TempDir Path dir;

  @Test
  void rootsOwnNameConstraintsApplyToThePathBelowIt() throws Exception {
    GeneralSubtree[] permitted = {
      new GeneralSubtree(new GeneralName(new X500Name("O=CG"))),
      new GeneralSubtree(new GeneralName(GeneralName.dNSName, "example.cn"))
    };
    GeneralSubtree[] excluded = {
      new GeneralSubtree(
          new GeneralName(
              GeneralName.iPAddress, new DEROctetString(new byte[] {10, 0, 0, 0, -1, 0, 0, 0}))),
      new GeneralSubtree(new GeneralName(GeneralName.rfc822Name, "evil.example"))
    };
    TestCa root =
        TestCa.root(
            "O=CG,CN=Constrained Root",
            KeyKind.EC_P256,
            NOW,
            TestCa.extension(
                Extension.nameConstraints, true, new NameConstraints(permitted, excluded)));
    TestCa issuing = root.subordinate("O=CG,CN=Constrained Issuing");
    Credential inside =
        issuing.user("O=CG,CN=inside", "N1", san(GeneralName.dNSName, "www.example.cn"));
    Credential otherDn = issuing.user("O=Other,CN=outside", "N2");
    Credential otherDns =
        issuing.user("O=CG,CN=dns", "N3", san(GeneralName.dNSName, "www.evil.com"));
    Credential excludedIp =
        issuing.user("O=CG,CN=ip", "N4", san(GeneralName.iPAddress, "10.1.2.3"));
    Credential excludedMail = issuing.user("O=CG,E=x@evil.example,CN=mail", "N5");

    assertThat(certgate(root, inside)).isEqualTo("OK");
    assertThat(openssl(root, inside).ok()).as(openssl(root, inside).output()).isTrue();
    for (Credential outside : List.of(otherDn, otherDns, excludedIp, excludedMail)) {
      assertThat(certgate(root, outside)).as(outside.toString()).isEqualTo("CERT_UNTRUSTED");
      assertThat(openssl(root, outside).output())
          .as(outside.toString())
          .contains("subtree violation");
    }
  }

  @Test
  void unknownCriticalExtensionIsRefusedAtEveryLevelTheRootIncluded() throws Exception {
    Extension unknown =
        TestCa.extension(new ASN1ObjectIdentifier("1.3.6.1.4.1.32473.9.9"), true, DERNull.INSTANCE);
    TestCa markedRoot = TestCa.root("CN=Marked Root", KeyKind.EC_P256, NOW, unknown);
    Credential underMarkedRoot = markedRoot.subordinate("CN=Plain Issuing").user("CN=甲", "C1");
    TestCa root = TestCa.root("CN=Plain Root", KeyKind.EC_P256, NOW);
    Credential underMarkedIssuing =
        root.subordinate("CN=Marked Issuing", unknown).user("CN=乙", "C2");
    Credential marked = root.subordinate("CN=Plain Issuing").user("CN=丙", "C3", unknown);

    assertThat(certgate(markedRoot, underMarkedRoot)).isEqualTo("CERT_UNTRUSTED");
    assertThat(certgate(root, underMarkedIssuing)).isEqualTo("CERT_UNTRUSTED");
    assertThat(certgate(root, marked)).isEqualTo("CERT_UNTRUSTED");
    assertThat(openssl(markedRoot, underMarkedRoot).output())
        .contains("unhandled critical extension");
    assertThat(openssl(root, underMarkedIssuing).output()).contains("unhandled critical extension");
    assertThat(openssl(root, marked).output()).contains("unhandled critical extension");
  }

  @Test
  void endCertificateThatIsACaIsNotALoginCertificate() throws Exception {
    TestCa root = TestCa.root("CN=Root", KeyKind.EC_P256, NOW);
    Credential ca =
        root.subordinate("CN=Issuing")
            .user(
                "CN=CA as user",
                "E1",
                TestCa.extension(Extension.basicConstraints, true, new BasicConstraints(true)),
                TestCa.extension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign)));

    assertThat(certgate(root, ca)).isEqualTo("NOT_SIGNATURE_CERT");
  }

  @Test
  void caCertificateWithoutBasicConstraintsCannotIssue() throws Exception {
    TestCa root = TestCa.root("CN=Root", KeyKind.EC_P256, NOW);
    KeyPair keys = root.newKeys();
    List<Extension> noBasicConstraints =
        new ArrayList<>(root.userExtensions(keys.getPublic(), "x"));
    noBasicConstraints.removeIf(e -> e.getExtnId().equals(Extension.basicConstraints));
    noBasicConstraints.removeIf(e -> e.getExtnId().equals(Extension.keyUsage));
    noBasicConstraints.add(
        TestCa.extension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)));
    X509Certificate notCa =
        root.issueExactly(
            new X500Name("CN=No basicConstraints"), keys.getPublic(), noBasicConstraints);
    TestCa issuing = TestCa.adopt(notCa, keys.getPrivate(), KeyKind.EC_P256, root);
    Credential user = issuing.user("CN=丁", "B1");

    assertThat(certgate(root, user)).isEqualTo("CERT_UNTRUSTED");
    assertThat(openssl(root, user).ok()).isFalse();
  }

  @Test
  void keyRolloverPathThroughTheNewWithOldCertificateValidates() throws Exception {
    TestCa oldRoot = TestCa.root("CN=Rollover Root,O=CG", KeyKind.EC_P256, NOW);
    TestCa newWithOld = oldRoot.subordinate("CN=Rollover Root,O=CG", oldRoot.newKeys());
    Credential user = newWithOld.subordinate("CN=Issuing under the new key").user("CN=戊", "K1");

    assertThat(certgate(oldRoot, user)).isEqualTo("OK");
    assertThat(openssl(oldRoot, user).ok()).as(openssl(oldRoot, user).output()).isTrue();
  }

  static Extension san(int tag, String value) {
    return TestCa.extension(
        Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(tag, value)));
  }

  static String certgate(TestCa root, Credential user) {
    ProviderTrust trust =
        ProviderTrust.builder("rules")
            .anchor(root.certificate())
            .lockIdRule(LockIdRule.DEFAULT)
            .build();
    try (CertificateValidator validator =
        CertificateValidator.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .secureRandom(new SecureRandom())
            .provider(trust)
            .cacheSize(0)
            .build()) {
      validator.validate(user.certificate(), user.issuers(), Purpose.LOGIN);
      return "OK";
    } catch (CertGateException e) {
      return e.code().name();
    }
  }

  OpenSslReference.Verdict openssl(TestCa root, Credential user) throws Exception {
    return OpenSslReference.in(dir.resolve("openssl"))
        .anchors(root.certificate())
        .untrusted(user.issuers().toArray(X509Certificate[]::new))
        .at(NOW)
        .verify(user.certificate());
  }
}
