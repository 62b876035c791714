package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** SMS codes: login, limits, expiry, tries, and recovery of username and password. */
abstract class SmsSuite extends PlatformIT {

  private Browser.Res requestCode(Browser b, String mobile, String purpose) {
    String[] c = captcha(b);
    return b.post(
        "/api/sms/codes",
        "{\"mobile\":\"%s\",\"purpose\":\"%s\",\"captchaId\":\"%s\",\"captcha\":\"%s\"}"
            .formatted(mobile, purpose, c[0], c[1]));
  }

  private JsonNode member() {
    Browser admin = admin();
    return user(admin, organization(admin, unique("机构")), "MEMBER");
  }

  @Test
  void logsInWithACodeSentThroughTheHttpGateway() {
    String mobile = member().path("mobile").asString();
    Browser b = browser();
    assertThat(requestCode(b, mobile, "LOGIN").status()).isEqualTo(202);
    String code = FakeSmsGateway.get().lastCode(mobile).orElseThrow();
    assertThat(FakeSmsGateway.get().lastKey()).isEqualTo("test-key");
    Browser.Res r =
        b.post("/api/auth/sms", "{\"mobile\":\"%s\",\"code\":\"%s\"}".formatted(mobile, code));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    // single use
    Browser.Res again =
        browser()
            .post("/api/auth/sms", "{\"mobile\":\"%s\",\"code\":\"%s\"}".formatted(mobile, code));
    assertThat(again.error()).isEqualTo("CAPTCHA_INVALID");
  }

  @Test
  void codesExpireAfterFiveMinutes() {
    String mobile = member().path("mobile").asString();
    Browser b = browser();
    requestCode(b, mobile, "LOGIN");
    String code = FakeSmsGateway.get().lastCode(mobile).orElseThrow();
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(
            b.post("/api/auth/sms", "{\"mobile\":\"%s\",\"code\":\"%s\"}".formatted(mobile, code))
                .error())
        .isEqualTo("CAPTCHA_INVALID");
  }

  @Test
  void aCodeDiesAfterFiveWrongTries() {
    String mobile = member().path("mobile").asString();
    Browser b = browser();
    requestCode(b, mobile, "LOGIN");
    String code = FakeSmsGateway.get().lastCode(mobile).orElseThrow();
    String wrong = code.equals("000000") ? "111111" : "000000";
    for (int i = 0; i < 5; i++) {
      b.post("/api/auth/sms", "{\"mobile\":\"%s\",\"code\":\"%s\"}".formatted(mobile, wrong));
    }
    assertThat(
            b.post("/api/auth/sms", "{\"mobile\":\"%s\",\"code\":\"%s\"}".formatted(mobile, code))
                .error())
        .isEqualTo("CAPTCHA_INVALID");
  }

  @Test
  void sendsAtMostOncePerMinuteAndTenTimesADayPerMobile() {
    String mobile = member().path("mobile").asString();
    Browser b = browser();
    long before = FakeSmsGateway.get().count(mobile);
    assertThat(requestCode(b, mobile, "LOGIN").status()).isEqualTo(202);
    Browser.Res second = requestCode(b, mobile, "LOGIN");
    assertThat(second.status()).isEqualTo(429);
    assertThat(second.error()).isEqualTo("RATE_LIMITED");
    for (int i = 0; i < 9; i++) {
      clock.advance(Duration.ofSeconds(61));
      assertThat(requestCode(b, mobile, "LOGIN").status()).isEqualTo(202);
    }
    clock.advance(Duration.ofSeconds(61));
    assertThat(requestCode(b, mobile, "LOGIN").status()).isEqualTo(429);
    assertThat(FakeSmsGateway.get().count(mobile) - before).isEqualTo(10);
    clock.advance(Duration.ofDays(1));
    assertThat(requestCode(b, mobile, "LOGIN").status()).isEqualTo(202);
  }

  @Test
  void parallelRequestsCannotPassTheLimitsTogether() throws Exception {
    String mobile = member().path("mobile").asString();
    long before = FakeSmsGateway.get().count(mobile);
    // captchas first (the recorded answer is the last one drawn), then all requests at once
    List<Browser> browsers = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Browser b = browser().csrf();
      String[] c = captcha(b);
      browsers.add(b);
      bodies.add(
          "{\"mobile\":\"%s\",\"purpose\":\"LOGIN\",\"captchaId\":\"%s\",\"captcha\":\"%s\"}"
              .formatted(mobile, c[0], c[1]));
    }
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(browsers.size());
    List<Future<Integer>> statuses = new ArrayList<>();
    try {
      for (int i = 0; i < browsers.size(); i++) {
        Browser b = browsers.get(i);
        String body = bodies.get(i);
        statuses.add(
            pool.submit(
                () -> {
                  go.await();
                  return b.post("/api/sms/codes", body).status();
                }));
      }
      go.countDown();
      List<Integer> answers = new ArrayList<>();
      for (Future<Integer> f : statuses) {
        answers.add(f.get());
      }
      assertThat(answers).containsOnly(202, 429);
      assertThat(answers.stream().filter(s -> s == 202).count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(FakeSmsGateway.get().count(mobile) - before).isEqualTo(1);
  }

  @Test
  void limitsSendingPerIpToo() {
    Browser b = browser();
    assertThat(requestCode(b, mobile(), "LOGIN").status()).isEqualTo(202);
    assertThat(requestCode(b, mobile(), "LOGIN").status()).isEqualTo(429);
  }

  @Test
  void aGatewayOutageIs503AndRecoversByItself() {
    String mobile = member().path("mobile").asString();
    Browser b = browser();
    FakeSmsGateway.get().failing(true);
    try {
      Browser.Res down = requestCode(b, mobile, "LOGIN");
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.json().path("message").asString()).contains("短信服务暂不可用");
    } finally {
      FakeSmsGateway.get().failing(false);
    }
    clock.advance(Duration.ofSeconds(61));
    assertThat(requestCode(b, mobile, "LOGIN").status()).isEqualTo(202);
    assertThat(FakeSmsGateway.get().lastCode(mobile)).isPresent();
  }

  @Test
  void answersTheSameForAnUnknownMobileButSendsNothing() {
    String nobody = mobile();
    assertThat(requestCode(browser(), nobody, "LOGIN").status()).isEqualTo(202);
    assertThat(FakeSmsGateway.get().count(nobody)).isZero();
  }

  @Test
  void recoversTheUsernameByCode() {
    JsonNode u = member();
    String mobile = u.path("mobile").asString();
    Browser b = browser();
    requestCode(b, mobile, "RECOVER_USERNAME");
    String code = FakeSmsGateway.get().lastCode(mobile).orElseThrow();
    Browser.Res r =
        b.post(
            "/api/recovery/username",
            "{\"mobile\":\"%s\",\"code\":\"%s\"}".formatted(mobile, code));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("username").asString()).isEqualTo(u.path("username").asString());
  }

  @Test
  void aLoginCodeDoesNotRecoverAnything() {
    String mobile = member().path("mobile").asString();
    Browser b = browser();
    requestCode(b, mobile, "LOGIN");
    String code = FakeSmsGateway.get().lastCode(mobile).orElseThrow();
    assertThat(
            b.post(
                    "/api/recovery/username",
                    "{\"mobile\":\"%s\",\"code\":\"%s\"}".formatted(mobile, code))
                .error())
        .isEqualTo("CAPTCHA_INVALID");
  }

  @Test
  void resetsThePasswordByCodeAndLiftsALockout() {
    JsonNode u = member();
    String username = u.path("username").asString();
    String mobile = u.path("mobile").asString();
    Browser b = browser();
    wrongPasswords(b, username, 5);
    assertThat(passwordLogin(b, username, PASSWORD).error()).isEqualTo("BAD_CREDENTIALS");
    requestCode(b, mobile, "RESET_PASSWORD");
    String code = FakeSmsGateway.get().lastCode(mobile).orElseThrow();
    Browser.Res weak =
        b.post(
            "/api/recovery/password",
            "{\"mobile\":\"%s\",\"code\":\"%s\",\"newPassword\":\"short\"}"
                .formatted(mobile, code));
    assertThat(weak.status()).isEqualTo(400);
    // the rule was told only after the right code, which it used up: a new code is needed
    clock.advance(Duration.ofMinutes(2));
    requestCode(b, mobile, "RESET_PASSWORD");
    String second = FakeSmsGateway.get().lastCode(mobile).orElseThrow();
    Browser.Res ok =
        b.post(
            "/api/recovery/password",
            "{\"mobile\":\"%s\",\"code\":\"%s\",\"newPassword\":\"New#Secret2027\"}"
                .formatted(mobile, second));
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);
    assertThat(passwordLogin(b, username, PASSWORD).error()).isEqualTo("BAD_CREDENTIALS");
    Browser.Res fresh = passwordLogin(b, username, "New#Secret2027");
    assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
  }

  @Test
  void aPasswordResetChecksTheCodeBeforeAnythingElse() {
    String mobile = member().path("mobile").asString();
    Browser b = browser();
    requestCode(b, mobile, "RESET_PASSWORD");
    String code = FakeSmsGateway.get().lastCode(mobile).orElseThrow();
    String wrong = code.equals("000000") ? "111111" : "000000";
    Browser.Res known =
        b.post(
            "/api/recovery/password",
            "{\"mobile\":\"%s\",\"code\":\"%s\",\"newPassword\":\"short\"}"
                .formatted(mobile, wrong));
    Browser.Res unknown =
        b.post(
            "/api/recovery/password",
            "{\"mobile\":\"%s\",\"code\":\"%s\",\"newPassword\":\"short\"}"
                .formatted(mobile(), wrong));
    assertThat(known.status()).isEqualTo(401);
    assertThat(known.error()).isEqualTo("CAPTCHA_INVALID");
    assertThat(unknown.body()).isEqualTo(known.body());
  }

  @Test
  void aPasswordLockNeverStopsAnSmsLogin() {
    JsonNode u = member();
    String mobile = u.path("mobile").asString();
    Browser b = browser();
    wrongPasswords(b, u.path("username").asString(), 5);
    assertThat(passwordLogin(b, u.path("username").asString(), PASSWORD).error())
        .isEqualTo("BAD_CREDENTIALS");
    requestCode(b, mobile, "LOGIN");
    String code = FakeSmsGateway.get().lastCode(mobile).orElseThrow();
    Browser.Res r =
        b.post("/api/auth/sms", "{\"mobile\":\"%s\",\"code\":\"%s\"}".formatted(mobile, code));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }
}
