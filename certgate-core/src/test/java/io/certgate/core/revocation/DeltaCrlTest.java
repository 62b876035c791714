package io.certgate.core.revocation;

import static io.certgate.core.support.CrlExtensions.crlNumber;
import static io.certgate.core.support.CrlExtensions.deltaOf;
import static io.certgate.core.support.CrlExtensions.freshest;
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
import java.util.Map;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 §2: a delta CRL is merged with the base it updates (RFC 5280 §5.2.4), and "good" never
 * comes from a base CRL when a newer delta is at hand. OpenSSL judges the same files with {@code
 * -use_deltas} (the base carries freshestCRL, which OpenSSL needs to look for deltas).
 */
class DeltaCrlTest {
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  static final String DELTAS = "http://127.0.0.1:9/delta.crl";

  @TempDir Path dir;
  final TestCa root = TestCa.root("CN=Delta Root,O=CG", KeyKind.EC_P256, NOW);
  final TestCa issuing = root.subordinate("CN=Delta Issuing,O=CG");

  @Test
  void certificateRevokedInTheDeltaIsRevoked() throws Exception {
    Credential user = issuing.user("CN=增量吊销", "D1");
    X509CRL base = crl(Map.of(), 1, crlNumber(1), freshest(DELTAS));
    X509CRL delta = crl(Map.of(user.serialNumber(), 1), 2, crlNumber(2), deltaOf(1));
    CrlCase c = cases().crls(base, delta);

    assertThat(c.certgate(user)).isEqualTo("CERT_REVOKED");
    assertThat(c.openssl(user).output()).contains("revoked");
  }

  @Test
  void certificateTheDeltaRemovesFromHoldIsGood() throws Exception {
    Credential user = issuing.user("CN=解除冻结", "D2");
    X509CRL base =
        crl(
            Map.of(user.serialNumber(), CRLReason.certificateHold),
            1,
            crlNumber(1),
            freshest(DELTAS));
    X509CRL delta =
        crl(Map.of(user.serialNumber(), CRLReason.removeFromCRL), 2, crlNumber(2), deltaOf(1));

    assertThat(cases().crls(base).certgate(user)).isEqualTo("CERT_REVOKED");
    assertThat(cases().crls(base, delta).certgate(user)).isEqualTo("OK");
    assertThat(cases().crls(base, delta).openssl(user).ok()).isTrue();
  }

  @Test
  void baseOlderThanTheNewestDeltaNeedsNeverAnswersGood() throws Exception {
    Credential user = issuing.user("CN=旧基线", "D3");
    X509CRL base = crl(Map.of(), 1, crlNumber(1), freshest(DELTAS));
    X509CRL delta = crl(Map.of(), 2, crlNumber(4), deltaOf(3));
    CrlCase c = cases().crls(base, delta);

    assertThat(c.certgate(user)).isEqualTo("REVOCATION_UNKNOWN");
    // OpenSSL skips a delta whose base it does not hold and answers from the old base alone
    // ("OK"): base 1 cannot show what base 3 revoked, so by issue 16 CertGate says unknown.
    assertThat(c.openssl(user).ok()).isTrue();
  }

  @Test
  void deltaOlderThanTheBaseIsIgnored() throws Exception {
    Credential user = issuing.user("CN=旧增量", "D4");
    X509CRL base = crl(Map.of(), 3, crlNumber(5), freshest(DELTAS));
    X509CRL staleDelta = crl(Map.of(user.serialNumber(), 1), 1, crlNumber(4), deltaOf(3));

    assertThat(cases().crls(base, staleDelta).certgate(user)).isEqualTo("OK");
  }

  CrlCase cases() {
    return new CrlCase(dir, NOW)
        .listing(root.certificate(), issuing.certificate())
        .crls(
            root.crl(
                NOW.minus(Duration.ofHours(2)), NOW.plus(Duration.ofDays(1)), Map.of(), Map.of()));
  }

  /** A CRL of the issuing CA, {@code minutesAgo} minutes old at NOW. */
  X509CRL crl(Map<BigInteger, Integer> revoked, int minutesAgo, Extension... extensions) {
    return issuing.crl(
        NOW.minus(Duration.ofMinutes(minutesAgo)),
        NOW.plus(Duration.ofDays(1)),
        revoked,
        Map.of(),
        extensions);
  }
}
