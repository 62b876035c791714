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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
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
  void answersOnlyAfterEveryKnownCrlHasBeenTriedOnce() throws Exception {
    TestProvider provider = Pki.provider("mirrors", KeyKind.EC_P256, clock);
    X509Certificate cert = provider.issueUser("u").signature().certificate();
    byte[] before = provider.crl(NOW.minusSeconds(600), NOW.plus(Duration.ofHours(6))).getEncoded();
    provider.revoke(cert);
    byte[] after = provider.crl(NOW, NOW.plus(Duration.ofHours(6))).getEncoded();
    // Two distribution points of one CA: the fast one still serves the CRL from before the
    // revocation, the slow one already has the new CRL.
    CountDownLatch slow = server.hold("/slow.crl");
    List<java.net.URI> urls =
        List.of(server.put("/fast.crl", before), server.put("/slow.crl", after));
    try (CrlStore store =
        CrlStore.builder()
            .clock(clock)
            .issuers(provider.anchors())
            .crlUrls(urls)
            .followDistributionPoints(false)
            .build()) {
      awaitLoaded(store, urls.get(0));
      // Released only after the question is asked: the fast CRL alone would answer "good".
      Thread release =
          new Thread(
              () -> {
                try {
                  Thread.sleep(300);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                slow.countDown();
              });
      release.start();

      assertThat(revoked(store, provider, cert)).contains(true);
      release.join();
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

  @Test
  void reportsTheHeldCrlAndFailedDownloadsSinceTheLastGoodOne() throws Exception {
    TestProvider provider = Pki.provider("state", KeyKind.EC_P256, clock);
    Instant next = NOW.plus(Duration.ofHours(6));
    java.net.URI url = server.put("/s.crl", provider.crl(NOW.minusSeconds(60), next).getEncoded());
    try (CrlStore store = store(provider, url)) {
      assertThat(revoked(store, provider, provider.issueUser("u").signature().certificate()))
          .contains(false);
      server.put("/s.crl", "not a CRL".getBytes(StandardCharsets.US_ASCII));
      store.refreshNow();
      store.refreshNow();

      CrlState state = store.crls().get(0);
      assertThat(state.url()).isEqualTo(url);
      assertThat(state.thisUpdate()).contains(NOW.minusSeconds(60));
      assertThat(state.nextUpdate()).contains(next);
      assertThat(state.loadedAt()).contains(NOW);
      assertThat(state.failedDownloads()).isEqualTo(2);
      assertThat(state.currentAt(NOW)).isTrue();
      assertThat(state.currentAt(next)).isFalse();
    }
  }

  @Test
  void aReplacingStoreKeepsThePredecessorsCrlWhileTheServerServesGarbage() throws Exception {
    TestProvider provider = Pki.provider("handover", KeyKind.EC_P256, clock);
    X509Certificate cert = provider.issueUser("u").signature().certificate();
    provider.revoke(cert);
    java.net.URI url =
        server.put("/h.crl", provider.crl(NOW, NOW.plus(Duration.ofHours(6))).getEncoded());
    try (CrlStore old = store(provider, url)) {
      assertThat(revoked(old, provider, cert)).contains(true);
      server.put("/h.crl", "garbage".getBytes(StandardCharsets.US_ASCII));
      try (CrlStore replacement =
              CrlStore.builder()
                  .clock(clock)
                  .issuers(provider.anchors())
                  .crlUrls(List.of(url))
                  .followDistributionPoints(false)
                  .replacing(old)
                  .build();
          CrlStore fresh = store(provider, url)) {
        replacement.refreshNow();
        fresh.refreshNow();

        assertThat(revoked(replacement, provider, cert)).contains(true);
        assertThat(revoked(fresh, provider, cert)).isEmpty(); // without a predecessor: nothing
        clock.advance(Duration.ofHours(7)); // past the inherited CRL's nextUpdate
        assertThat(revoked(replacement, provider, cert)).isEmpty();
      }
    }
  }

  @Test
  void aServerStallingMidAnswerCostsNoMoreThanTheTimeout() throws Exception {
    TestProvider provider = Pki.provider("stall", KeyKind.EC_P256, clock);
    java.net.URI url =
        server.put("/st.crl", provider.crl(NOW, NOW.plus(Duration.ofHours(6))).getEncoded());
    try (CrlStore store =
        CrlStore.builder()
            .clock(clock)
            .issuers(provider.anchors())
            .crlUrls(List.of(url))
            .followDistributionPoints(false)
            .timeout(Duration.ofMillis(500))
            .downloadLimit(Duration.ofSeconds(1))
            .build()) {
      server.stall(Duration.ofSeconds(8));
      long start = System.nanoTime();
      store.refreshNow();
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(took).isLessThan(Duration.ofSeconds(4)); // not the 8 s stall
      assertThat(store.crls().get(0).failedDownloads()).isPositive();
    }
  }

  @Test
  void closingTheStoreMidDownloadCountsNoFailedDownload() throws Exception {
    // a validator rebuild closes the old store, often while its first download is in flight
    TestProvider provider = Pki.provider("closing", KeyKind.EC_P256, clock);
    java.net.URI url =
        server.put("/c.crl", provider.crl(NOW, NOW.plus(Duration.ofHours(6))).getEncoded());
    server.stall(Duration.ofSeconds(8));
    CrlStore store =
        CrlStore.builder()
            .clock(clock)
            .issuers(provider.anchors())
            .crlUrls(List.of(url))
            .followDistributionPoints(false)
            .timeout(Duration.ofSeconds(6))
            .downloadLimit(Duration.ofSeconds(6))
            .build();
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (server.requests() == 0 && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(server.requests()).as("the background download reached the server").isPositive();
    Thread refresher = downloadingRefreshThread();

    store.close();
    // wait for the condition itself: the interrupted download has unwound and its thread ended
    refresher.join(Duration.ofSeconds(5).toMillis());

    assertThat(refresher.isAlive()).as("the refresh thread ended after close").isFalse();
    assertThat(store.crls().get(0).failedDownloads()).isZero();
  }

  /**
   * The store's refresh thread while it is inside a download (not an idle one of another store).
   */
  private static Thread downloadingRefreshThread() throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < until) {
      for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
        if (t.getKey().getName().equals("certgate-crl-refresh")
            && Arrays.stream(t.getValue())
                .anyMatch(f -> f.getClassName().startsWith("io.certgate.core.revocation."))) {
          return t.getKey();
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no refresh thread inside a download");
  }

  private static void awaitLoaded(CrlStore store, java.net.URI url) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < until) {
      if (store.crls().stream().anyMatch(s -> s.url().equals(url) && s.thisUpdate().isPresent())) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("CRL " + url + " not loaded");
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
