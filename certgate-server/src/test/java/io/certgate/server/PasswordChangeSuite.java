package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.server.account.PasswordPolicy;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.UserCredentials;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 修改密码 ({@code PUT /api/account/password}, ASVS 2.1.5 / 2.1.6): a signed-in user changes their own
 * password with the current one. The current password is counted like a password login; the session
 * that made the change goes on, the user's other sessions end (DESIGN §6); CSRF as every other
 * write; audited either way.
 */
abstract class PasswordChangeSuite extends CaPlatformIT {
  private static final String NEXT = "Next#Own2027";
  private static final String PATH = "/api/account/password";

  private JsonNode member() {
    Browser admin = admin();
    return user(admin, organization(admin, unique("机构")), "MEMBER");
  }

  private static Browser.Res change(Browser b, String current, String next) {
    return b.put(
        PATH, "{\"currentPassword\":%s,\"newPassword\":%s}".formatted(quote(current), quote(next)));
  }

  private java.util.List<String> changeOutcomes(String username, String outcome) {
    JsonNode items =
        admin()
            .get(
                "/api/admin/audit?actor=%s&action=PASSWORD_CHANGE&outcome=%s&size=100"
                    .formatted(username, outcome))
            .json()
            .path("items");
    java.util.List<String> reasons = new java.util.ArrayList<>();
    items.forEach(i -> reasons.add(i.path("reason").asString()));
    return reasons;
  }

  @Test
  void changingKeepsThisSessionEndsTheOthersAndOnlyTheNewPasswordLogsIn() {
    String username = member().path("username").asString();
    Browser changing = loggedIn(username, PASSWORD);
    Browser other = loggedIn(username, PASSWORD);

    Browser.Res r = change(changing, PASSWORD, NEXT);

    assertThat(r.status()).as(r.body()).isEqualTo(204);
    assertThat(changing.get("/api/session").status()).isEqualTo(200);
    assertThat(changing.get("/user-center").status()).isEqualTo(200);
    Browser.Res ended = other.get("/api/session");
    assertThat(ended.status()).isEqualTo(401);
    assertThat(ended.error()).isEqualTo("UNAUTHENTICATED");
    assertThat(passwordLogin(browser(), username, PASSWORD).error()).isEqualTo("BAD_CREDENTIALS");
    assertThat(passwordLogin(browser(), username, NEXT).status()).isEqualTo(200);
    assertThat(changeOutcomes(username, "SUCCESS")).hasSize(1);
  }

  @Test
  void aWrongCurrentPasswordIsRefusedAndCountedLikeAPasswordLogin() {
    String username = member().path("username").asString();
    Browser session = loggedIn(username, PASSWORD);
    Browser other = loggedIn(username, PASSWORD);

    for (int i = 0; i < 5; i++) {
      Browser.Res r = change(session, "Wrong#Pass1", NEXT);
      assertThat(r.status()).as(r.body()).isEqualTo(401);
      assertThat(r.error()).isEqualTo("BAD_CREDENTIALS");
      clock.advance(Duration.ofSeconds(20));
    }
    // the fifth wrong guess held password checks back: the right one is refused here and at login
    Browser.Res held = change(session, PASSWORD, NEXT);
    assertThat(held.error()).as(held.body()).isEqualTo("BAD_CREDENTIALS");
    assertThat(passwordLogin(browser(), username, PASSWORD).error()).isEqualTo("BAD_CREDENTIALS");
    // a refused change ends nothing
    assertThat(session.get("/api/session").status()).isEqualTo(200);
    assertThat(other.get("/api/session").status()).isEqualTo(200);
    assertThat(changeOutcomes(username, "FAILURE"))
        .containsExactly(
            "ACCOUNT_LOCKED",
            "BAD_CREDENTIALS",
            "BAD_CREDENTIALS",
            "BAD_CREDENTIALS",
            "BAD_CREDENTIALS",
            "BAD_CREDENTIALS");

    clock.advance(Duration.ofMinutes(16));
    assertThat(change(session, PASSWORD, NEXT).status()).isEqualTo(204);
  }

  @Test
  void aNewPasswordBreakingTheRuleIsRefusedWithTheRule() {
    String username = member().path("username").asString();
    Browser session = loggedIn(username, PASSWORD);
    Browser other = loggedIn(username, PASSWORD);

    for (String weak : new String[] {"short1A", "alllowercase123", "x" + username + "#A1"}) {
      Browser.Res r = change(session, PASSWORD, weak);
      assertThat(r.status()).as(weak).isEqualTo(400);
      assertThat(r.error()).isEqualTo("BAD_REQUEST");
      assertThat(r.json().path("message").asString()).isEqualTo(PasswordPolicy.RULE);
    }
    assertThat(other.get("/api/session").status()).isEqualTo(200);
    assertThat(passwordLogin(browser(), username, PASSWORD).status()).isEqualTo(200);
    assertThat(changeOutcomes(username, "FAILURE")).containsOnly("BAD_REQUEST").hasSize(3);
  }

  @Test
  void theUserCentreOffersTheForm() {
    Browser.Res page = loggedIn(member().path("username").asString(), PASSWORD).get("/user-center");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "修改密码",
            "id=\"password-change\"",
            "name=\"currentPassword\"",
            "name=\"newPassword\"",
            "name=\"confirmPassword\"",
            "/js/password-change.js",
            PasswordPolicy.RULE);
  }

  @Test
  void aChangeWithoutTheCsrfTokenIsForbidden() {
    String username = member().path("username").asString();
    Browser session = loggedIn(username, PASSWORD);
    Browser.Res r = change(session.withoutCsrf(), PASSWORD, NEXT);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.error()).isEqualTo("FORBIDDEN");
    assertThat(passwordLogin(browser(), username, PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void anAnonymousChangeIsUnauthenticated() {
    Browser.Res r = change(browser(), PASSWORD, NEXT);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void theEndpointIsInTheOpenApiDescription() {
    JsonNode put = browser().get("/v3/api-docs").json().path("paths").path(PATH).path("put");
    assertThat(put.isMissingNode()).isFalse();
    assertThat(put.path("requestBody").toString()).contains("PasswordChange");
  }

  @Test
  void aUserLoggedInBySmsStillNeedsTheCurrentPassword() {
    JsonNode u = member();
    String mobile = u.path("mobile").asString();
    Browser b = browser();
    String[] c = captcha(b);
    b.post(
        "/api/sms/codes",
        "{\"mobile\":\"%s\",\"purpose\":\"LOGIN\",\"captchaId\":\"%s\",\"captcha\":\"%s\"}"
            .formatted(mobile, c[0], c[1]));
    String code = FakeSmsGateway.get().lastCode(mobile).orElseThrow();
    Browser.Res login =
        b.post("/api/auth/sms", "{\"mobile\":\"%s\",\"code\":\"%s\"}".formatted(mobile, code));
    assertThat(login.status()).as(login.body()).isEqualTo(200);

    assertThat(change(b, "Wrong#Pass1", NEXT).error()).isEqualTo("BAD_CREDENTIALS");
    assertThat(change(b, PASSWORD, NEXT).status()).isEqualTo(204);
    assertThat(b.get("/api/session").status()).isEqualTo(200);
    assertThat(passwordLogin(browser(), u.path("username").asString(), NEXT).status())
        .isEqualTo(200);
  }

  @Test
  void aUserLoggedInByCaStillNeedsTheCurrentPassword() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    JsonNode u = user(admin, s.organization(), "MEMBER");
    UserCredentials lock = s.provider().issueUser("修改密码的锁");
    Browser.Res bound = bind(admin, u.path("id").asLong(), lock.signature());
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
    Browser b = browser();
    assertThat(caLogin(b, lock.signature()).status()).isEqualTo(200);

    assertThat(change(b, "Wrong#Pass1", NEXT).error()).isEqualTo("BAD_CREDENTIALS");
    assertThat(change(b, PASSWORD, NEXT).status()).isEqualTo(204);
    assertThat(b.get("/api/session").status()).isEqualTo(200);
    assertThat(passwordLogin(browser(), u.path("username").asString(), NEXT).status())
        .isEqualTo(200);
  }
}
