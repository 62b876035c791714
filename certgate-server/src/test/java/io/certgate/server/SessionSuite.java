package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.KeyKind;
import io.certgate.testpki.UserCredentials;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Open sessions follow the account (DESIGN §6): they end at their next request when the user is
 * disabled, the password is changed or reset (except the session that changed its own), or the
 * binding a CA login used is unbound; role changes apply at the next request; every session ends at
 * its absolute lifetime however busy. Two nodes: {@code ClusterSessionRulesIT}.
 */
abstract class SessionSuite extends CaPlatformIT {

  private static void assertEnded(Browser session) {
    Browser.Res r = session.get("/api/session");
    assertThat(r.status()).as(r.body()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("UNAUTHENTICATED");
  }

  private static void assertOpen(Browser session) {
    Browser.Res r = session.get("/api/session");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private JsonNode member(Browser admin) {
    return user(admin, organization(admin, unique("机构")), "MEMBER");
  }

  @Test
  void disablingAUserEndsItsOpenSessionsForGood() {
    Browser admin = admin();
    JsonNode u = member(admin);
    Browser session = loggedIn(u.path("username").asString(), PASSWORD);
    assertOpen(session);
    String status = "/api/admin/users/" + u.path("id").asLong() + "/status";
    assertThat(admin.put(status, "{\"status\":\"DISABLED\"}").status()).isEqualTo(200);
    assertThat(admin.put(status, "{\"status\":\"ENABLED\"}").status()).isEqualTo(200);
    assertEnded(session);
    assertThat(session.get("/user-center").status()).isEqualTo(302);
    assertOpen(admin);
  }

  @Test
  void aPasswordSetByAnAdministratorEndsTheUsersSessions() {
    Browser admin = admin();
    JsonNode u = member(admin);
    Browser session = loggedIn(u.path("username").asString(), PASSWORD);
    Browser.Res set =
        admin.put(
            "/api/admin/users/" + u.path("id").asLong() + "/password",
            "{\"password\":\"Next#Secret2027\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(204);
    assertEnded(session);
    assertOpen(admin);
    assertOpen(loggedIn(u.path("username").asString(), "Next#Secret2027"));
  }

  @Test
  void changingOnesOwnPasswordKeepsThatSessionAndEndsTheOthers() {
    Browser admin = admin();
    JsonNode u = user(admin, organization(admin, unique("机构")), "ORG_ADMIN");
    String username = u.path("username").asString();
    Browser changing = loggedIn(username, PASSWORD);
    Browser other = loggedIn(username, PASSWORD);
    Browser.Res set =
        changing.put(
            "/api/admin/users/" + u.path("id").asLong() + "/password",
            "{\"password\":\"Own#Secret2027\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(204);
    assertOpen(changing);
    assertThat(changing.get("/api/admin/users").status()).isEqualTo(200);
    assertEnded(other);
  }

  @Test
  void aPasswordResetBySmsEndsOpenSessions() {
    Browser admin = admin();
    JsonNode u = member(admin);
    String mobile = u.path("mobile").asString();
    Browser session = loggedIn(u.path("username").asString(), PASSWORD);
    Browser b = browser();
    String[] c = captcha(b);
    assertThat(
            b.post(
                    "/api/sms/codes",
                    "{\"mobile\":\"%s\",\"purpose\":\"RESET_PASSWORD\",\"captchaId\":\"%s\",\"captcha\":\"%s\"}"
                        .formatted(mobile, c[0], c[1]))
                .status())
        .isEqualTo(202);
    String code = FakeSmsGateway.get().lastCode(mobile).orElseThrow();
    Browser.Res reset =
        b.post(
            "/api/recovery/password",
            "{\"mobile\":\"%s\",\"code\":\"%s\",\"newPassword\":\"Reset#Secret2027\"}"
                .formatted(mobile, code));
    assertThat(reset.status()).as(reset.body()).isEqualTo(204);
    assertEnded(session);
  }

  @Test
  void aRoleChangeAppliesToAnOpenSessionAtItsNextRequest() {
    Browser admin = admin();
    long org = organization(admin, unique("机构"));
    JsonNode u = user(admin, org, "ORG_ADMIN");
    Browser session = loggedIn(u.path("username").asString(), PASSWORD);
    assertThat(session.get("/api/admin/users").status()).isEqualTo(200);
    Browser.Res demoted =
        admin.put(
            "/api/admin/users/" + u.path("id").asLong(),
            "{\"displayName\":\"改名经办人\",\"mobile\":\"%s\",\"roles\":[\"MEMBER\"]}"
                .formatted(u.path("mobile").asString()));
    assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);
    JsonNode now = session.get("/api/session").json().path("user");
    assertThat(now.path("roles").get(0).asString()).isEqualTo("MEMBER");
    assertThat(now.path("roles").size()).isEqualTo(1);
    assertThat(now.path("displayName").asString()).isEqualTo("改名经办人");
    assertThat(session.get("/api/admin/users").status()).isEqualTo(403);
  }

  @Test
  void unbindingEndsTheSessionThatLoggedInWithThatBindingOnly() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    JsonNode u = user(admin, s.organization(), "MEMBER");
    UserCredentials first = s.provider().issueUser("第一把锁");
    UserCredentials second = s.provider().issueUser("第二把锁");
    Browser.Res bound = bind(admin, u.path("id").asLong(), first.signature());
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
    assertThat(bind(admin, u.path("id").asLong(), second.signature()).status()).isEqualTo(201);
    Browser byFirst = browser();
    assertThat(caLogin(byFirst, first.signature()).status()).isEqualTo(200);
    Browser bySecond = browser();
    assertThat(caLogin(bySecond, second.signature()).status()).isEqualTo(200);
    Browser byPassword = loggedIn(u.path("username").asString(), PASSWORD);

    assertThat(admin.delete("/api/ca/bindings/" + bound.json().path("id").asLong()).status())
        .isEqualTo(204);
    assertEnded(byFirst);
    assertOpen(bySecond);
    assertOpen(byPassword);
  }

  @Test
  void aSessionEndsAtItsMaximumAgeHoweverBusy() {
    Browser admin = admin();
    Browser session = loggedIn(member(admin).path("username").asString(), PASSWORD);
    for (int hour = 1; hour < 12; hour++) {
      clock.advance(Duration.ofHours(1));
      assertOpen(session);
    }
    clock.advance(Duration.ofMinutes(59));
    assertOpen(session);
    clock.advance(Duration.ofMinutes(1));
    assertEnded(session);
  }

  @Test
  void wrongPasswordsDoNotEndOpenSessions() {
    Browser admin = admin();
    String username = member(admin).path("username").asString();
    Browser session = loggedIn(username, PASSWORD);
    wrongPasswords(browser(), username, 5);
    assertOpen(session);
  }
}
