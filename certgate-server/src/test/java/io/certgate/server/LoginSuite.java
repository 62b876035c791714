package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.server.login.CountingPasswordEncoder;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Password login, lockout, rate limit, captcha, sessions, CSRF and logout over HTTP. */
abstract class LoginSuite extends PlatformIT {
  @Autowired private CountingPasswordEncoder hashing;

  @Test
  void logsInByUsernameOrMobileAndShowsTheSession() {
    Browser admin = admin();
    JsonNode u = user(admin, organization(admin, unique("机构")), "MEMBER");
    Browser b = browser();
    Browser.Res r = passwordLogin(b, u.path("mobile").asString(), PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("redirect").asString()).isEqualTo("/user-center");
    JsonNode session = b.get("/api/session").json().path("user");
    assertThat(session.path("username").asString()).isEqualTo(u.path("username").asString());
    assertThat(session.path("roles").get(0).asString()).isEqualTo("MEMBER");
    Browser.Res page = b.get("/user-center");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("用户中心", "培训省本级", "经办人");
  }

  @Test
  void sessionEndpointIs401ForAnonymousAndAlwaysSetsTheCsrfCookie() {
    Browser b = browser();
    Browser.Res r = b.get("/api/session");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("UNAUTHENTICATED");
    assertThat(r.header("Set-Cookie").orElse("")).contains("XSRF-TOKEN=");
    assertThat(b.cookie("XSRF-TOKEN")).isPresent();
  }

  @Test
  void wrongPasswordsDelayThenLockPasswordLoginAndARightGuessDoesNotClearIt() {
    Browser admin = admin();
    String username =
        user(admin, organization(admin, unique("机构")), "MEMBER").path("username").asString();
    Browser b = browser();
    // two free failures, the third costs a delay: the right password is refused until it passes
    for (int i = 1; i <= 3; i++) {
      assertThat(passwordLogin(b, username, "Wrong#Pass1").error()).isEqualTo("BAD_CREDENTIALS");
    }
    assertThat(passwordLogin(b, username, PASSWORD).error()).isEqualTo("BAD_CREDENTIALS");
    clock.advance(Duration.ofSeconds(2));
    assertThat(passwordLogin(b, username, PASSWORD).status()).isEqualTo(200);

    wrongPasswords(b, username, 5);
    // locked: the right password is refused with the answer of a wrong one, and does not unlock
    for (int i = 0; i < 2; i++) {
      Browser.Res right = passwordLogin(b, username, PASSWORD);
      assertThat(right.status()).isEqualTo(401);
      assertThat(right.error()).isEqualTo("BAD_CREDENTIALS");
    }
    clock.advance(Duration.ofMinutes(13));
    assertThat(passwordLogin(b, username, PASSWORD).error()).isEqualTo("BAD_CREDENTIALS");
    clock.advance(Duration.ofMinutes(2));
    assertThat(passwordLogin(b, username, PASSWORD).status()).isEqualTo(200);
    assertThat(failureReasons(username, "LOGIN_PASSWORD"))
        .startsWith("ACCOUNT_LOCKED", "ACCOUNT_LOCKED", "ACCOUNT_LOCKED", "BAD_CREDENTIALS");
  }

  @Test
  void parallelGuessesNeverTakeMoreAttemptsThanTheLimit() throws Exception {
    Browser admin = admin();
    String username =
        user(admin, organization(admin, unique("机构")), "MEMBER").path("username").asString();
    int guesses = 12;
    java.util.List<Browser> browsers = new java.util.ArrayList<>();
    java.util.List<String[]> captchas = new java.util.ArrayList<>();
    for (int i = 0; i < guesses; i++) {
      Browser g = browser();
      browsers.add(g);
      captchas.add(captcha(g));
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(guesses);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      java.util.List<java.util.concurrent.Future<Browser.Res>> answers =
          new java.util.ArrayList<>();
      for (int i = 0; i < guesses; i++) {
        Browser g = browsers.get(i);
        String[] c = captchas.get(i);
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return g.post(
                      "/api/auth/password",
                      "{\"username\":\"%s\",\"password\":\"Wrong#Guess%d\",\"captchaId\":\"%s\",\"captcha\":\"%s\"}"
                          .formatted(username, 1, c[0], c[1]));
                }));
      }
      start.countDown();
      for (java.util.concurrent.Future<Browser.Res> a : answers) {
        assertThat(a.get().error()).isEqualTo("BAD_CREDENTIALS");
      }
    } finally {
      pool.shutdownNow();
    }
    java.util.List<String> reasons = failureReasons(username, "LOGIN_PASSWORD");
    assertThat(reasons).hasSize(guesses);
    // only attempts taken under the row lock reached the password; the others were held back
    assertThat(reasons.stream().filter("BAD_CREDENTIALS"::equals).count()).isBetween(1L, 5L);
  }

  @Test
  void unknownUserWrongPasswordAndLockedAccountAnswerAlikeAndTakeAboutAsLong() {
    Browser admin = admin();
    long org = organization(admin, unique("机构"));
    String known = user(admin, org, "MEMBER").path("username").asString();
    String locked = user(admin, org, "MEMBER").path("username").asString();
    wrongPasswords(browser(), locked, 5);
    Browser b = browser();
    long wrong = Long.MAX_VALUE;
    long unknown = Long.MAX_VALUE;
    long held = Long.MAX_VALUE;
    java.util.Set<String> bodies = new java.util.HashSet<>();
    for (int i = 0; i < 4; i++) { // four wrong passwords for the known account: never locked
      String[] c1 = captcha(b);
      long h1 = hashing.comparisons();
      long t0 = System.nanoTime();
      Browser.Res r1 = login(b, known, "Wrong#Pass1", c1);
      wrong = Math.min(wrong, System.nanoTime() - t0);
      assertThat(hashing.comparisons() - h1).as("hashes compared, wrong password").isEqualTo(1);
      clock.advance(Duration.ofSeconds(20));
      String[] c2 = captcha(b);
      long h2 = hashing.comparisons();
      long t1 = System.nanoTime();
      Browser.Res r2 = login(b, unique("nobody"), "Wrong#Pass1", c2);
      unknown = Math.min(unknown, System.nanoTime() - t1);
      assertThat(hashing.comparisons() - h2).as("hashes compared, unknown user").isEqualTo(1);
      String[] c3 = captcha(b);
      long h3 = hashing.comparisons();
      long t2 = System.nanoTime();
      Browser.Res r3 = login(b, locked, PASSWORD, c3);
      held = Math.min(held, System.nanoTime() - t2);
      assertThat(hashing.comparisons() - h3).as("hashes compared, locked account").isEqualTo(1);
      for (Browser.Res r : java.util.List.of(r1, r2, r3)) {
        assertThat(r.status()).isEqualTo(401);
        bodies.add(r.body());
      }
    }
    assertThat(bodies).hasSize(1);
    assertThat(bodies.iterator().next()).contains("BAD_CREDENTIALS");
    // Every answer costs one Argon2 comparison (tens of milliseconds), counted above. The clock
    // check only has to tell that from a lookup without one (about a millisecond), so it leaves
    // room for a loaded machine: the fastest of each kind within a factor of four.
    assertThat(unknown).as("unknown user, ns").isGreaterThan(wrong / 4);
    assertThat(held).as("locked account, ns").isGreaterThan(wrong / 4);
  }

  private Browser.Res login(Browser b, String username, String password, String[] captcha) {
    return b.post(
        "/api/auth/password",
        "{\"username\":\"%s\",\"password\":\"%s\",\"captchaId\":\"%s\",\"captcha\":\"%s\"}"
            .formatted(username, password, captcha[0], captcha[1]));
  }

  @Test
  void refusesADisabledAccount() {
    Browser admin = admin();
    JsonNode u = user(admin, organization(admin, unique("机构")), "MEMBER");
    assertThat(
            admin
                .put(
                    "/api/admin/users/" + u.path("id").asLong() + "/status",
                    "{\"status\":\"DISABLED\"}")
                .status())
        .isEqualTo(200);
    Browser.Res r = passwordLogin(browser(), u.path("username").asString(), PASSWORD);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("ACCOUNT_DISABLED");
  }

  @Test
  void unknownUserAndWrongPasswordLookTheSame() {
    Browser b = browser();
    Browser.Res unknown = passwordLogin(b, unique("nobody"), PASSWORD);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.error()).isEqualTo("BAD_CREDENTIALS");
  }

  @Test
  void requiresTheCaptchaUnderPolicyAlways() {
    Browser b = browser();
    Browser.Res missing =
        b.post(
            "/api/auth/password",
            "{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.error()).isEqualTo("CAPTCHA_INVALID");
    String[] c = captcha(b);
    Browser.Res wrong =
        b.post(
            "/api/auth/password",
            "{\"username\":\"%s\",\"password\":\"%s\",\"captchaId\":\"%s\",\"captcha\":\"ZZZZ\"}"
                .formatted(ADMIN, ADMIN_PASSWORD, c[0]));
    assertThat(wrong.error()).isEqualTo("CAPTCHA_INVALID");
    // the captcha was consumed by the wrong answer: the right answer no longer works
    Browser.Res reused =
        b.post(
            "/api/auth/password",
            "{\"username\":\"%s\",\"password\":\"%s\",\"captchaId\":\"%s\",\"captcha\":\"%s\"}"
                .formatted(ADMIN, ADMIN_PASSWORD, c[0], c[1]));
    assertThat(reused.error()).isEqualTo("CAPTCHA_INVALID");
  }

  @Test
  void captchaIsAPngImage() {
    Browser.Res r = browser().get("/api/captcha");
    String image = r.json().path("image").asString();
    assertThat(image).startsWith("data:image/png;base64,");
    byte[] png = java.util.Base64.getDecoder().decode(image.substring(image.indexOf(',') + 1));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(r.json().path("policy").asString()).isEqualTo("always");
  }

  @Test
  void limitsLoginAttemptsPerIp() {
    Browser b = browser();
    int status = 0;
    for (int i = 0; i < 26 && status != 429; i++) {
      status = b.post("/api/auth/password", "{\"username\":\"x\",\"password\":\"y\"}").status();
    }
    assertThat(status).isEqualTo(429);
    assertThat(b.post("/api/auth/password", "{\"username\":\"x\",\"password\":\"y\"}").error())
        .isEqualTo("RATE_LIMITED");
    clock.advance(Duration.ofMinutes(6));
    assertThat(b.post("/api/auth/password", "{\"username\":\"x\",\"password\":\"y\"}").error())
        .isEqualTo("CAPTCHA_INVALID");
  }

  @Test
  void everyLoginGetsANewSessionIdAndTheOldOneDies() {
    Browser admin = admin();
    long org = organization(admin, unique("机构"));
    String a = user(admin, org, "MEMBER").path("username").asString();
    String bName = user(admin, org, "MEMBER").path("username").asString();
    Browser b = loggedIn(a, PASSWORD);
    String first = b.cookie("CERTGATE_SESSION").orElseThrow();
    String firstCsrf = b.cookie("XSRF-TOKEN").orElseThrow();
    assertThat(passwordLogin(b, bName, PASSWORD).status()).isEqualTo(200);
    String second = b.cookie("CERTGATE_SESSION").orElseThrow();
    assertThat(second).isNotEqualTo(first);
    assertThat(b.cookie("XSRF-TOKEN").orElseThrow()).isNotEqualTo(firstCsrf);
    assertThat(b.get("/api/session").json().path("user").path("username").asString())
        .isEqualTo(bName);
    Browser thief = browser();
    thief.setCookie("CERTGATE_SESSION", first);
    assertThat(thief.get("/api/session").status()).isEqualTo(401);
  }

  @Test
  void refusesWritesWithoutTheCsrfHeaderOrWithAMaskedOrWrongValue() {
    Browser b = admin();
    Browser noCsrf = new Browser(port);
    noCsrf.get("/api/session");
    Browser.Res r =
        noCsrf.withoutCsrf().post("/api/auth/password", "{\"username\":\"a\",\"password\":\"b\"}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.error()).isEqualTo("FORBIDDEN");
    String token = b.cookie("XSRF-TOKEN").orElseThrow();
    Browser.Res wrong =
        b.raw(
            java.net.http.HttpRequest.newBuilder(b.uri("/api/admin/regions"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", token + "x")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(wrong.status()).isEqualTo(403);
    // the raw cookie value (as Angular and axios send it) is accepted
    assertThat(b.get("/api/admin/regions").status()).isEqualTo(200);
    assertThat(b.post("/api/auth/logout", "").status()).isEqualTo(204);
  }

  @Test
  void logoutEndsTheSession() {
    Browser b = admin();
    assertThat(b.get("/api/session").status()).isEqualTo(200);
    assertThat(b.post("/api/auth/logout", "").status()).isEqualTo(204);
    assertThat(b.get("/api/session").status()).isEqualTo(401);
    assertThat(b.get("/api/admin/regions").status()).isEqualTo(401);
  }

  @Test
  void sendsSecurityHeaders() {
    Browser.Res r = browser().get("/login");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'", "frame-ancestors 'none'");
    assertThat(r.header("X-Frame-Options")).contains("DENY");
    assertThat(r.header("X-Content-Type-Options")).contains("nosniff");
    assertThat(r.body()).contains("账号登录", "CA登录", "短信验证码登录", "记住用户名", "忘记用户名", "忘记密码");
  }

  @Test
  void pagesRedirectAnonymousUsersToTheLoginPage() {
    Browser.Res r = browser().get("/user-center");
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.header("Location").orElse("")).endsWith("/login");
  }
}
