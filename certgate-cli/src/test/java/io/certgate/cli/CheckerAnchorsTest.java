package io.certgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.OpenSslReference;
import io.certgate.testpki.Pem;
import io.certgate.testpki.TestCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN §7 (issue 16 §4): only {@code --anchors} are trusted, and an input that cannot take its
 * place in a path is a verdict (exit 1 with its code), not a usage error. OpenSSL's {@code verify}
 * judges the same files as the reference.
 */
class CheckerAnchorsTest {
  @TempDir Path dir;

  private final TestCa root = TestCa.root("CN=Checker Root,O=CG", KeyKind.EC_P256, Instant.now());
  private final TestCa issuing = root.subordinate("CN=Checker Issuing,O=CG");

  @Test
  void selfSignedCertificateGivenAsIntermediateIsNeverAnAnchor() throws Exception {
    TestCa stranger = TestCa.root("CN=Stranger Root,O=X", KeyKind.EC_P256, Instant.now());
    Credential user = issuing.user("CN=张三", "L-1");

    CliRun run =
        CliRun.of(
            "verify-chain",
            "--anchors",
            file("anchors.pem", stranger.certificate()),
            "--intermediates",
            file("intermediates.pem", root.certificate(), issuing.certificate()),
            file("user.pem", user.certificate()));
    OpenSslReference.Verdict openssl =
        OpenSslReference.in(dir.resolve("openssl"))
            .anchors(stranger.certificate())
            .untrusted(root.certificate(), issuing.certificate())
            .verify(user.certificate());

    assertThat(run.exitStatus()).as(run.stdout() + run.stderr()).isEqualTo(1);
    assertThat(run.stdout()).contains("\"error\":\"CERT_UNTRUSTED\"");
    assertThat(openssl.ok()).as(openssl.output()).isFalse();
  }

  @Test
  void intermediatesHelpBuildThePathToTheAnchors() throws Exception {
    Credential user = issuing.user("CN=李四", "L-2");

    CliRun run =
        CliRun.of(
            "verify-chain",
            "--anchors",
            file("anchors.pem", root.certificate()),
            "--intermediates",
            file("intermediates.pem", issuing.certificate()),
            file("user.pem", user.certificate()));
    OpenSslReference.Verdict openssl =
        OpenSslReference.in(dir.resolve("openssl"))
            .anchors(root.certificate())
            .untrusted(issuing.certificate())
            .verify(user.certificate());

    assertThat(run.exitStatus()).as(run.stdout() + run.stderr()).isZero();
    assertThat(openssl.ok()).as(openssl.output()).isTrue();
  }

  @Test
  void intermediateThatIsNoCaIsAVerdictNotAUsageError() throws Exception {
    TestCa notCa =
        root.subordinate(
            "CN=Not a CA,O=CG",
            TestCa.extension(Extension.basicConstraints, true, new BasicConstraints(false)));
    Credential user = notCa.user("CN=王五", "L-3");

    CliRun run =
        CliRun.of(
            "verify-chain",
            "--anchors",
            file("anchors.pem", root.certificate()),
            "--intermediates",
            file("intermediates.pem", notCa.certificate()),
            file("user.pem", user.certificate()));
    OpenSslReference.Verdict openssl =
        OpenSslReference.in(dir.resolve("openssl"))
            .anchors(root.certificate())
            .untrusted(notCa.certificate())
            .verify(user.certificate());

    assertThat(run.exitStatus()).as(run.stdout() + run.stderr()).isEqualTo(1);
    assertThat(run.stdout()).contains("\"error\":\"CERT_UNTRUSTED\"");
    assertThat(openssl.ok()).as(openssl.output()).isFalse();
  }

  @Test
  void keyRolloverCertificatesAreChainMaterialNotRoots() throws Exception {
    TestCa oldRoot = TestCa.root("CN=Rollover Root,O=CG", KeyKind.EC_P256, Instant.now());
    java.security.KeyPair newKeys = oldRoot.newKeys();
    TestCa newWithOld = oldRoot.subordinate("CN=Rollover Root,O=CG", newKeys);
    Credential underNewKey = newWithOld.subordinate("CN=Issuing (new key)").user("CN=新钥", "R1");
    Credential underOldKey = oldRoot.subordinate("CN=Issuing (old key)").user("CN=旧钥", "R2");
    TestCa newRoot =
        TestCa.root("CN=Rollover Root,O=CG", KeyKind.EC_P256, Instant.now()); // another key

    CliRun valid =
        CliRun.of(
            "verify-chain",
            "--anchors",
            file("old-root.pem", oldRoot.certificate()),
            "--intermediates",
            file("new-with-old.pem", newWithOld.certificate(), underNewKey.issuers().get(0)),
            file("user-new.pem", underNewKey.certificate()));
    CliRun invalid =
        CliRun.of(
            "verify-chain",
            "--anchors",
            file("new-root.pem", newRoot.certificate()),
            "--intermediates",
            file("rollover.pem", newWithOld.certificate(), underOldKey.issuers().get(0)),
            file("user-old.pem", underOldKey.certificate()));
    OpenSslReference.Verdict opensslValid =
        OpenSslReference.in(dir.resolve("openssl-valid"))
            .anchors(oldRoot.certificate())
            .untrusted(newWithOld.certificate(), underNewKey.issuers().get(0))
            .verify(underNewKey.certificate());
    OpenSslReference.Verdict opensslInvalid =
        OpenSslReference.in(dir.resolve("openssl-invalid"))
            .anchors(newRoot.certificate())
            .untrusted(newWithOld.certificate(), underOldKey.issuers().get(0))
            .verify(underOldKey.certificate());

    assertThat(valid.exitStatus()).as(valid.stdout() + valid.stderr()).isZero();
    assertThat(opensslValid.ok()).as(opensslValid.output()).isTrue();
    assertThat(invalid.exitStatus()).as(invalid.stdout()).isEqualTo(1);
    assertThat(invalid.stdout()).contains("\"error\":\"CERT_UNTRUSTED\"");
    assertThat(opensslInvalid.ok()).isFalse();
  }

  private String file(String name, X509Certificate... certificates) throws Exception {
    return Files.writeString(dir.resolve(name), Pem.certificates(List.of(certificates))).toString();
  }
}
