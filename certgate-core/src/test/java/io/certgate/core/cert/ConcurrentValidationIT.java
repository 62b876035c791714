package io.certgate.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.core.CertGateException;
import io.certgate.core.ErrorCode;
import io.certgate.core.revocation.RevocationPolicy;
import io.certgate.core.revocation.RevocationPolicy.Mode;
import io.certgate.core.support.BytesServer;
import io.certgate.core.support.MutableClock;
import io.certgate.core.support.Pki;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many threads validating while the CRLs are downloaded again underneath them. */
class ConcurrentValidationIT {
  private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

  @Test
  void everyThreadGetsTheRightAnswerDuringCrlRefreshes() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    TestProvider provider = Pki.provider("concurrent", KeyKind.EC_P256, clock);
    List<X509Certificate> good = new ArrayList<>();
    List<X509Certificate> revoked = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      good.add(provider.issueUser("good" + i).signature().certificate());
      X509Certificate r = provider.issueUser("revoked" + i).signature().certificate();
      provider.revoke(r);
      revoked.add(r);
    }
    try (BytesServer server = new BytesServer()) {
      Instant next = NOW.plus(Duration.ofHours(6));
      RevocationPolicy policy =
          RevocationPolicy.builder()
              .mode(Mode.CRL)
              .crlUrl(server.put("/i.crl", provider.crl(NOW, next).getEncoded()))
              .crlUrl(server.put("/r.crl", provider.rootCrl(NOW, next).getEncoded()))
              .build();
      try (CertificateValidator validator =
          CertificateValidator.builder()
              .clock(clock)
              .secureRandom(new SecureRandom())
              .cacheSize(8) // smaller than the working set, so eviction runs too
              .provider(Pki.trust(provider, policy))
              .build()) {
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int seed = t;
          work.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 200; i++) {
                      boolean wantRevoked = (i + seed) % 2 == 0;
                      X509Certificate cert =
                          (wantRevoked ? revoked : good).get((i * 7 + seed) % 20);
                      String outcome = outcome(validator, cert);
                      String expected = wantRevoked ? ErrorCode.CERT_REVOKED.name() : "OK";
                      outcomes
                          .computeIfAbsent(
                              outcome.equals(expected) ? "right" : outcome,
                              k -> new AtomicInteger())
                          .incrementAndGet();
                      if (seed == 0 && i % 50 == 0) {
                        validator.refreshCrls();
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> f : work) {
          f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(outcomes).containsOnlyKeys("right");
        assertThat(outcomes.get("right")).hasValue(8 * 200);
      }
    }
  }

  private static String outcome(CertificateValidator validator, X509Certificate cert) {
    try {
      validator.validate(cert, List.of(), Purpose.LOGIN);
      return "OK";
    } catch (CertGateException e) {
      return e.code().name();
    }
  }
}
