package io.certgate.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.core.support.BytesServer;
import io.certgate.core.support.MutableClock;
import io.certgate.core.support.Pki;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.Pem;
import io.certgate.testpki.TestProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CRL store against real HTTP and real files. */
class CrlStoreIT {
  private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
  private final MutableClock clock = new MutableClock(NOW);
  private final BytesServer server = new BytesServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void refusesAnOlderCrlThanTheOneHeld() throws Exception {
    TestProvider provider = Pki.provider("rollback", KeyKind.EC_P256, clock);
    X509Certificate cert = provider.issueUser("u").signature().certificate();
    byte[] before = provider.crl(NOW.minusSeconds(600), NOW.plus(Duration.ofHours(6))).getEncoded();
    provider.revoke(cert);
    byte[] after = provider.crl(NOW, NOW.plus(Duration.ofHours(6))).getEncoded();
    try (CrlStore store = store(provider, server.put("/r.crl", after))) {
      assertThat(revoked(store, provider, cert)).contains(true);

      server.put("/r.crl", before); // a replay that would hide the revocation
      store.refreshNow();

      assertThat(revoked(store, provider, cert)).contains(true);
    }
  }

  @Test
  void refusesCrlNotSignedByAKnownIssuer() throws Exception {
    TestProvider provider = Pki.provider("known", KeyKind.SM2, clock);
    TestProvider other = Pki.provider("other", KeyKind.SM2, clock);
    X509Certificate cert = provider.issueUser("u").signature().certificate();
    byte[] foreign = other.crl(NOW, NOW.plus(Duration.ofHours(6))).getEncoded();
    try (CrlStore store = store(provider, server.put("/f.crl", foreign))) {
      assertThat(revoked(store, provider, cert)).isEmpty();
    }
  }

  @Test
  void followsTheCertificatesDistributionPointWhenNoCrlIsConfigured() throws Exception {
    TestProvider provider =
        Pki.provider("dp", KeyKind.RSA_2048, clock, Optional.of(server.url("/dp/issuing.crl")));
    X509Certificate cert = provider.issueUser("u").signature().certificate();
    provider.revoke(cert);
    server.put("/dp/issuing.crl", provider.crl(NOW, NOW.plus(Duration.ofHours(6))).getEncoded());
    try (CrlStore store = CrlStore.builder().clock(clock).issuers(provider.anchors()).build()) {
      assertThat(revoked(store, provider, cert)).contains(true);
      assertThat(revoked(store, provider, cert)).contains(true);
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void readsPemCrlFromAFile(@TempDir Path dir) throws Exception {
    TestProvider provider = Pki.provider("file", KeyKind.EC_P256, clock);
    X509Certificate cert = provider.issueUser("u").signature().certificate();
    Path file = dir.resolve("issuing.pem");
    Files.writeString(
        file, Pem.crl(provider.crl(NOW, NOW.plus(Duration.ofHours(6)))), StandardCharsets.US_ASCII);
    try (CrlStore store = store(provider, file.toUri())) {
      assertThat(revoked(store, provider, cert)).contains(false);
    }
  }

  private CrlStore store(TestProvider provider, java.net.URI url) {
    return CrlStore.builder()
        .clock(clock)
        .issuers(provider.anchors())
        .crlUrls(List.of(url))
        .followDistributionPoints(false)
        .build();
  }

  private static Optional<Boolean> revoked(
      CrlStore store, TestProvider provider, X509Certificate cert) {
    return store.status(cert, provider.issuingCertificate()).map(RevocationStatus::revoked);
  }
}
