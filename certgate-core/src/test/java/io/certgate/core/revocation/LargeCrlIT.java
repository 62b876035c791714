package io.certgate.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.core.support.BytesServer;
import io.certgate.core.support.LargeCrl;
import io.certgate.core.support.MutableClock;
import io.certgate.core.support.Pki;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A CRL of a million revoked serials, loaded in the background and looked up exactly. */
class LargeCrlIT {
  private static final int SERIALS = 1_000_000;
  private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

  @Test
  void millionSerialCrlLoadsInTheBackgroundAndAnswersExactly() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    TestProvider provider = Pki.provider("big-crl", KeyKind.EC_P256, clock);
    X509Certificate revoked = provider.issueUser("revoked").signature().certificate();
    X509Certificate good = provider.issueUser("good").signature().certificate();
    LargeCrl crl =
        LargeCrl.generate(
            provider,
            SERIALS,
            7,
            NOW,
            NOW.plus(Duration.ofDays(1)),
            List.of(revoked.getSerialNumber()));

    try (BytesServer server = new BytesServer();
        CrlStore store =
            CrlStore.builder()
                .clock(clock)
                .issuers(provider.anchors())
                .crlUrls(List.of(server.put("/big.crl", crl.der())))
                .coldWait(Duration.ofMinutes(2))
                .build()) {
      X509Certificate issuer = provider.issuingCertificate();
      assertThat(store.status(revoked, issuer))
          .hasValueSatisfying(s -> assertThat(s.revoked()).isTrue());
      assertThat(store.status(good, issuer))
          .hasValueSatisfying(s -> assertThat(s.revoked()).isFalse());

      // Warm: lookups only read the index, nothing is downloaded again.
      for (int i = 0; i < 10_000; i++) {
        store.status(i % 2 == 0 ? good : revoked, issuer);
      }
      assertThat(server.requests()).isEqualTo(1);
    }

    CrlLoader.Loaded loaded = CrlLoader.load(crl.der(), provider.anchors());
    assertThat(loaded.crl().revoked().size()).isEqualTo(SERIALS + 1);
    for (BigInteger serial : crl.sample()) {
      assertThat(loaded.crl().lists(serial)).as("listed %s", serial).isTrue();
    }
    for (BigInteger serial : LargeCrl.unlisted(1000, 7)) {
      assertThat(loaded.crl().lists(serial)).as("unlisted %s", serial).isFalse();
    }
    assertThat(loaded.crl().revoked().footprintBytes()).isLessThan(64L << 20);
  }
}
