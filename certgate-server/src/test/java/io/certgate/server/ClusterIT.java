package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.server.limit.RateLimiter;
import io.certgate.server.login.RecordingCaptchaText;
import io.certgate.server.sms.SmsCodeStore;
import io.certgate.server.sms.SmsCodes;
import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Cluster mode for real: two application nodes on their own ports sharing one PostgreSQL and one
 * Redis. Challenges, sessions, captchas, SMS codes and rate limits made on one node are used on the
 * other; take-once and limits hold across nodes under concurrency; a Redis outage is a 503 JSON
 * error and the nodes recover by themselves.
 */
class ClusterIT {
  private static TestCluster cluster;
  private static Node a;
  private static Node b;

  private record Node(ConfigurableApplicationContext context, int port) {
    Browser browser() {
      return new Browser(port);
    }

    Browser.Res passwordLogin(Browser browser, String username, String password) {
      Browser.Res c = browser.get("/api/captcha");
      if (c.status() != 200) {
        return c; // Redis still away
      }
      String answer = context.getBean(RecordingCaptchaText.class).last();
      return browser.post(
          "/api/auth/password",
          "{\"username\":\"%s\",\"password\":\"%s\",\"captchaId\":\"%s\",\"captcha\":\"%s\"}"
              .formatted(username, password, c.json().path("captchaId").asString(), answer));
    }
  }

  @BeforeAll
  static void startCluster() throws IOException {
    cluster = TestCluster.start("cluster", 2, "--certgate.captcha=always");
    a = new Node(cluster.node(0), ClusterNodes.port(cluster.node(0)));
    b = new Node(cluster.node(1), ClusterNodes.port(cluster.node(1)));
  }

  @AfterAll
  static void stopCluster() throws InterruptedException {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static void shareCookies(Browser from, Browser to) {
    from.cookie("CERTGATE_SESSION").ifPresent(v -> to.setCookie("CERTGATE_SESSION", v));
    from.cookie("XSRF-TOKEN").ifPresent(v -> to.setCookie("XSRF-TOKEN", v));
  }

  /** A well-formed token from a provider the platform does not know: it gets past the challenge. */
  private static String foreignToken(String nonce) {
    return foreignToken(nonce, CaPlatformIT.ORIGIN);
  }

  static String foreignToken(String nonce, String origin) {
    TestProvider p = TestProvider.create("cluster-foreign", KeyKind.EC_P256, Instant.now());
    Credential c = p.issueUser("外来证书").signature();
    return CaPlatformIT.token(c, nonce, origin);
  }

  private static Browser.Res caLogin(Browser browser, String challengeId, String token) {
    return browser.post(
        "/api/auth/ca",
        "{\"challengeId\":\"%s\",\"token\":%s}".formatted(challengeId, PlatformIT.quote(token)));
  }

  private static JsonNode loginChallenge(Browser browser) {
    Browser.Res r = browser.post("/api/ca/challenges", "{\"purpose\":\"LOGIN\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void aSessionStartedOnOneNodeIsValidOnTheOtherAndLoginRotatesIt() {
    Browser onA = a.browser();
    loginChallenge(onA); // an anonymous session exists before login
    String before = onA.cookie("CERTGATE_SESSION").orElseThrow();
    Browser.Res login = a.passwordLogin(onA, PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD);
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.raw().headers().allValues("Set-Cookie"))
        .anySatisfy(
            c -> assertThat(c).startsWith("CERTGATE_SESSION=").contains("HttpOnly", "SameSite=Lax"))
        .anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").doesNotContain("HttpOnly"));
    String after = onA.cookie("CERTGATE_SESSION").orElseThrow();
    assertThat(after).isNotEqualTo(before);

    Browser onB = b.browser();
    shareCookies(onA, onB);
    Browser.Res session = onB.get("/api/session");
    assertThat(session.status()).as(session.body()).isEqualTo(200);
    assertThat(session.json().path("user").path("username").asString()).isEqualTo(PlatformIT.ADMIN);

    Browser planted = b.browser();
    planted.setCookie("CERTGATE_SESSION", before);
    assertThat(planted.get("/api/session").status()).isEqualTo(401);
  }

  @Test
  void aChallengeIssuedByOneNodeIsRedeemedOnceOnTheOther() {
    Browser onA = a.browser();
    JsonNode challenge = loginChallenge(onA);
    String id = challenge.path("challengeId").asString();
    String token = foreignToken(challenge.path("nonce").asString());
    Browser onB = b.browser();
    shareCookies(onA, onB);

    Browser.Res first = caLogin(onB, id, token);
    assertThat(first.status()).as(first.body()).isGreaterThanOrEqualTo(400).isLessThan(500);
    assertThat(first.error()).isNotEqualTo("CHALLENGE_UNKNOWN");
    assertThat(caLogin(onA, id, token).error()).isEqualTo("CHALLENGE_UNKNOWN");
    assertThat(caLogin(onB, id, token).error()).isEqualTo("CHALLENGE_UNKNOWN");

    String scrape = b.browser().get("/actuator/prometheus").body();
    assertThat(
            PrometheusText.value(
                scrape, "certgate_ca_validation_seconds_count", "outcome", first.error()))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            PrometheusText.value(
                scrape, "certgate_logins_total", "method", "CA", "outcome", first.error()))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void takeOnceHoldsForTwentyParallelRedemptionsSplitAcrossNodes() throws Exception {
    Browser onA = a.browser();
    JsonNode challenge = loginChallenge(onA);
    String id = challenge.path("challengeId").asString();
    String token = foreignToken(challenge.path("nonce").asString());
    Browser onB = b.browser();
    shareCookies(onA, onB);

    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Browser via = i % 2 == 0 ? onA : onB;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return caLogin(via, id, token).error();
                }));
      }
      go.countDown();
      List<String> errors = new ArrayList<>();
      for (Future<String> f : results) {
        errors.add(f.get());
      }
      assertThat(errors).filteredOn(e -> !e.equals("CHALLENGE_UNKNOWN")).hasSize(1);
      assertThat(errors).filteredOn("CHALLENGE_UNKNOWN"::equals).hasSize(19);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCaptchaDrawnByOneNodeIsAnsweredOnTheOther() {
    Browser onA = a.browser();
    Browser.Res c = onA.get("/api/captcha");
    String answer = a.context().getBean(RecordingCaptchaText.class).last();
    Browser onB = b.browser();
    String body =
        "{\"username\":\"%s\",\"password\":\"%s\",\"captchaId\":\"%s\",\"captcha\":\"%s\"}"
            .formatted(
                PlatformIT.ADMIN,
                PlatformIT.ADMIN_PASSWORD,
                c.json().path("captchaId").asString(),
                answer);
    assertThat(onB.post("/api/auth/password", body).status()).isEqualTo(200);
    assertThat(a.browser().post("/api/auth/password", body).error()).isEqualTo("CAPTCHA_INVALID");
  }

  @Test
  void aRateLimitHoldsAcrossNodesUnderConcurrency() throws Exception {
    RateLimiter onA = a.context().getBean(RateLimiter.class);
    RateLimiter onB = b.context().getBean(RateLimiter.class);
    String key = "cluster-test:" + System.nanoTime();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        RateLimiter via = i % 2 == 0 ? onA : onB;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return via.tryAcquire(key, 5, Duration.ofMinutes(5));
                }));
      }
      go.countDown();
      int granted = 0;
      for (Future<Boolean> f : results) {
        granted += f.get() ? 1 : 0;
      }
      assertThat(granted).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
    assertThat(onA.count(key, Duration.ofMinutes(5))).isEqualTo(5);
    assertThat(onB.isExhausted(key, 5, Duration.ofMinutes(5))).isTrue();
    assertThat(onB.isExhausted(key, 6, Duration.ofMinutes(5))).isFalse();
  }

  @Test
  void smsLimitsHoldAcrossNodesUnderConcurrency() throws Exception {
    SmsCodes onA = a.context().getBean(SmsCodes.class);
    SmsCodes onB = b.context().getBean(SmsCodes.class);
    String mobile = "137" + String.format("%08d", System.nanoTime() % 100_000_000);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        SmsCodes via = i % 2 == 0 ? onA : onB;
        // distinct addresses: only the per-mobile limit (1 a minute) can refuse them
        String ip = "198.51.100." + i + "-" + mobile;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    via.send(mobile, io.certgate.server.sms.SmsPurpose.LOGIN, ip, false);
                    return true;
                  } catch (io.certgate.server.api.ApiException e) {
                    assertThat(e.code()).isEqualTo(io.certgate.core.ErrorCode.RATE_LIMITED);
                    return false;
                  }
                }));
      }
      go.countDown();
      int sent = 0;
      for (Future<Boolean> f : results) {
        sent += f.get() ? 1 : 0;
      }
      assertThat(sent).as("one code a minute per mobile, whichever node").isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    RateLimiter limits = a.context().getBean(RateLimiter.class);
    assertThat(limits.count("sms-mobile-min:" + mobile, Duration.ofMinutes(1))).isEqualTo(1);
    assertThat(limits.count("sms-ip-min:198.51.100.0-" + mobile, Duration.ofMinutes(1)))
        .as("a refused send counts under no limit")
        .isLessThanOrEqualTo(1);
  }

  @Test
  void anSmsCodeSentThroughOneNodeIsCheckedOnTheOtherWithSharedTries() {
    SmsCodeStore onA = a.context().getBean(SmsCodeStore.class);
    SmsCodeStore onB = b.context().getBean(SmsCodeStore.class);
    Instant now = Instant.now();
    String key = "LOGIN:139" + System.nanoTime() % 100_000_000;
    onA.put(key, "123456", now.plus(SmsCodes.TTL));
    assertThat(onB.check(key, "000000", now, 5)).isEqualTo(SmsCodes.Check.WRONG);
    assertThat(onB.check(key, "123456", now, 5)).isEqualTo(SmsCodes.Check.ACCEPTED);
    assertThat(onA.check(key, "123456", now, 5)).isEqualTo(SmsCodes.Check.NONE);

    onA.put(key, "654321", now.plus(SmsCodes.TTL));
    for (int i = 0; i < 5; i++) {
      SmsCodeStore via = i % 2 == 0 ? onA : onB;
      assertThat(via.check(key, "111111", now, 5)).isEqualTo(SmsCodes.Check.WRONG);
    }
    assertThat(onB.check(key, "654321", now, 5))
        .as("void after five wrong tries")
        .isEqualTo(SmsCodes.Check.NONE);

    onA.put(key, "222222", now.plus(SmsCodes.TTL));
    assertThat(onB.check(key, "222222", now.plus(SmsCodes.TTL), 5))
        .isEqualTo(SmsCodes.Check.EXPIRED);
  }

  @Test
  void aRedisOutageIsA503JsonErrorAndBothNodesRecover() throws Exception {
    Browser onA = a.browser();
    assertThat(a.passwordLogin(onA, PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD).status())
        .isEqualTo(200);
    cluster.redis().stop();
    try {
      Browser.Res session = onA.get("/api/session");
      assertThat(session.status()).as(session.body()).isEqualTo(503);
      assertThat(session.error()).isEqualTo("INTERNAL");
      assertThat(session.json().path("message").asString()).contains("缓存服务暂不可用");
      assertThat(session.body()).doesNotContain("Exception", "at io.");
      Browser.Res challenge = b.browser().post("/api/ca/challenges", "{\"purpose\":\"LOGIN\"}");
      assertThat(challenge.status()).as(challenge.body()).isEqualTo(503);
      assertThat(challenge.error()).isEqualTo("INTERNAL");
      assertThat(a.browser().get("/actuator/health").status()).isEqualTo(503);
    } finally {
      cluster.redis().start();
    }
    // Lettuce reconnects in the background with growing delays: poll, no restart of the nodes
    Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
    Browser again = b.browser();
    while (b.passwordLogin(again, PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD).status() != 200) {
      assertThat(Instant.now()).as("node B recovers after Redis returns").isBefore(deadline);
      Thread.sleep(250);
      again = b.browser();
    }
    Browser onAAgain = a.browser();
    shareCookies(again, onAAgain);
    while (onAAgain.get("/api/session").status() != 200) {
      assertThat(Instant.now()).as("node A recovers after Redis returns").isBefore(deadline);
      Thread.sleep(250);
    }
    assertThat(a.browser().get("/actuator/health").status()).isEqualTo(200);
  }
}
