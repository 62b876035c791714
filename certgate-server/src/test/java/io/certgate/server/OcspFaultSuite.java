package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.OcspResponder;
import io.certgate.testpki.TestProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A slow, failing or refusing OCSP responder (real HTTP on loopback) during real CA logins: HARD
 * refuses with {@code REVOCATION_UNKNOWN}, SOFT accepts, and either way the answer comes within the
 * configured revocation timeout plus a generous margin, also for several logins at once. The
 * margins are bounds that a responder left hanging would break, not performance figures.
 */
abstract class OcspFaultSuite extends CaPlatformIT {
  /** Far beyond any timeout: a login that waited for the responder would take this long. */
  private static final Duration RESPONDER_DELAY = Duration.ofSeconds(30);

  private static final Duration MARGIN = Duration.ofSeconds(4);

  private static OcspResponder ocsp;

  @Value("${certgate.ca.revocation-timeout:3s}")
  Duration timeout;

  @BeforeAll
  static void responder() throws IOException {
    ocsp = OcspResponder.start();
    ocsp.delay(RESPONDER_DELAY);
  }

  @AfterAll
  static void stop() {
    ocsp.close();
  }

  @AfterEach
  void answerAgain() throws IOException {
    ocsp.mode(OcspResponder.Mode.NORMAL);
  }

  /** A provider with the OCSP policy given, a member, and the member's bound signing lock. */
  private record Bound(String provider, Credential lock) {}

  private Bound bound(Browser admin, String failure) {
    String region = caRegion(admin);
    TestProvider p =
        TestProvider.builder()
            .code(unique("o"))
            .keyKind(KeyKind.EC_P256)
            .clock(clock)
            .ocspResponder(ocsp)
            .build();
    register(
        admin,
        p,
        "{\"mode\":\"OCSP\",\"failure\":\"%s\",\"ocspUrl\":\"%s\"}".formatted(failure, ocsp.url()));
    enable(admin, region, p.code());
    long member = user(admin, organizationIn(admin, region), "MEMBER").path("id").asLong();
    Credential lock = p.issueUser("在线").signature();
    Browser.Res r = bind(admin, member, lock);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new Bound(p.code(), lock);
  }

  /** Past the responder's answers (one hour) and every result cached from them. */
  private void forgetAnswers() {
    clock.advance(Duration.ofHours(2));
  }

  private Duration limit() {
    return timeout.plus(MARGIN);
  }

  private record Timed(Browser.Res res, Duration took) {}

  private Timed timedLogin(Credential lock) {
    Browser b = browser();
    b.csrf();
    long start = System.nanoTime();
    Browser.Res r = caLogin(b, lock);
    return new Timed(r, Duration.ofNanos(System.nanoTime() - start));
  }

  @Test
  void slowResponderFailsHardAndPassesSoftWithinTheTimeout() throws IOException {
    Browser admin = admin();
    Bound hard = bound(admin, "HARD");
    Bound soft = bound(admin, "SOFT");
    double timeouts = ocspErrors(hard.provider(), "timeout");
    forgetAnswers();
    ocsp.mode(OcspResponder.Mode.SLOW);

    Timed refused = timedLogin(hard.lock());
    Timed accepted = timedLogin(soft.lock());

    assertThat(refused.res().status()).as(refused.res().body()).isEqualTo(401);
    assertThat(refused.res().error()).isEqualTo("REVOCATION_UNKNOWN");
    assertThat(refused.took()).isLessThan(limit());
    assertThat(accepted.res().status()).as(accepted.res().body()).isEqualTo(200);
    assertThat(accepted.took()).isLessThan(limit());
    assertThat(ocspErrors(hard.provider(), "timeout")).isGreaterThan(timeouts);
    assertThat(ocspErrors(soft.provider(), "timeout")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void slowResponderDoesNotPinServerThreads() throws Exception {
    Browser admin = admin();
    Bound soft = bound(admin, "SOFT");
    // The hold-down below lives in the validator's OCSP client, and a validator rebuilt meanwhile
    // starts without it. Rebuild now, so the providers poll finds nothing to catch up on during
    // the test (rows earlier suites wrote around the API would otherwise trigger it).
    Browser.Res rebuilt = admin.post("/api/admin/ca/crls/refresh", "");
    assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(204);
    forgetAnswers();
    ocsp.mode(OcspResponder.Mode.SLOW);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Timed>> logins = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        logins.add(pool.submit(() -> timedLogin(soft.lock())));
      }
      long start = System.nanoTime();
      Browser.Res meanwhile = browser().get("/api/session"); // other work is not held up
      Duration other = Duration.ofNanos(System.nanoTime() - start);
      for (Future<Timed> f : logins) {
        Timed t = f.get();
        assertThat(t.res().status()).as(t.res().body()).isEqualTo(200);
        assertThat(t.took()).isLessThan(limit());
      }
      assertThat(meanwhile.status()).isEqualTo(401);
      assertThat(other).isLessThan(limit());
    } finally {
      pool.shutdownNow();
    }
    // Right after the timeout the responder is left alone: the next login does not ask it. (A
    // request of the eight that a loaded machine delivered late is not the next login's.)
    int asked = settledRequestCount();
    assertThat(timedLogin(soft.lock()).res().status()).isEqualTo(200);
    assertThat(ocsp.requestCount()).isEqualTo(asked);
  }

  /** The responder's request count once no request has arrived for half a second (3 s at most). */
  private static int settledRequestCount() throws InterruptedException {
    int seen = ocsp.requestCount();
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (System.nanoTime() < deadline) {
      Thread.sleep(500);
      int now = ocsp.requestCount();
      if (now == seen) {
        return now;
      }
      seen = now;
    }
    return seen;
  }

  @Test
  void responderDownOrRefusingFailsHardAndPassesSoftPromptly() throws IOException {
    Browser admin = admin();
    Bound hard = bound(admin, "HARD");
    Bound soft = bound(admin, "SOFT");
    for (OcspResponder.Mode mode : List.of(OcspResponder.Mode.DOWN, OcspResponder.Mode.REFUSING)) {
      String reason = mode == OcspResponder.Mode.DOWN ? "http_error" : "unreachable";
      double before = ocspErrors(hard.provider(), reason);
      forgetAnswers();
      ocsp.mode(mode);

      Timed refused = timedLogin(hard.lock());
      Timed accepted = timedLogin(soft.lock());

      assertThat(refused.res().error()).as(mode.name()).isEqualTo("REVOCATION_UNKNOWN");
      assertThat(refused.took()).isLessThan(limit());
      assertThat(accepted.res().status()).as(mode + " " + accepted.res().body()).isEqualTo(200);
      assertThat(accepted.took()).isLessThan(limit());
      assertThat(ocspErrors(hard.provider(), reason)).as(mode.name()).isEqualTo(before + 1);
      ocsp.mode(OcspResponder.Mode.NORMAL);
    }
    assertThat(timedLogin(hard.lock()).res().status()).isEqualTo(200); // recovered by itself
  }

  @Test
  void badlySignedAnswersAreCountedAsSuch() throws IOException {
    Browser admin = admin();
    Bound hard = bound(admin, "HARD");
    double before = ocspErrors(hard.provider(), "bad_signature");
    forgetAnswers();
    ocsp.mode(OcspResponder.Mode.BAD_SIGNATURE);

    assertThat(timedLogin(hard.lock()).res().error()).isEqualTo("REVOCATION_UNKNOWN");
    assertThat(ocspErrors(hard.provider(), "bad_signature")).isEqualTo(before + 1);
  }

  private double ocspErrors(String provider, String reason) {
    Browser.Res r = browser().get("/actuator/prometheus");
    assertThat(r.status()).isEqualTo(200);
    return PrometheusText.value(
        r.body(), "certgate_ocsp_errors_total", "provider", provider, "reason", reason);
  }
}
