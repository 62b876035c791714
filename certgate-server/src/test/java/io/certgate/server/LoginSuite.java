package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Password login, lockout, rate limit, captcha, sessions, CSRF and logout over HTTP. */
abstract class LoginSuite extends PlatformIT {

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
  void locksTheAccountAfterFiveFailuresForFifteenMinutes() {
    Browser admin = admin();
    String username =
        user(admin, organization(admin, unique("机构")), "MEMBER").path("username").asString();
    Browser b = browser();
    for (int i = 1; i <= 4; i++) {
      assertThat(passwordLogin(b, username, "Wrong#Pass1").error()).isEqualTo("BAD_CREDENTIALS");
    }
    Browser.Res fifth = passwordLogin(b, username, "Wrong#Pass1");
    assertThat(fifth.status()).isEqualTo(401);
    assertThat(fifth.error()).isEqualTo("ACCOUNT_LOCKED");
    assertThat(passwordLogin(b, username, PASSWORD).error()).isEqualTo("ACCOUNT_LOCKED");
    clock.advance(Duration.ofMinutes(14));
    assertThat(passwordLogin(b, username, PASSWORD).error()).isEqualTo("ACCOUNT_LOCKED");
    clock.advance(Duration.ofMinutes(2));
    assertThat(passwordLogin(b, username, PASSWORD).status()).isEqualTo(200);
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
