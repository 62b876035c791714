package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Captcha policy {@code after-failures}: none until the account (or, without an account, the name
 * typed) fails once, then required — and a missing captcha is answered like a wrong password.
 */
@TestPropertySource(properties = {PlatformDatabases.H2, "certgate.captcha=after-failures"})
class CaptchaAfterFailuresIT extends PlatformIT {

  private Browser.Res plainLogin(Browser b, String username, String password) {
    return b.post(
        "/api/auth/password",
        "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password));
  }

  @Test
  void asksForTheCaptchaOnlyAfterAFailure() {
    Browser admin = browser();
    assertThat(plainLogin(admin, ADMIN, ADMIN_PASSWORD).status()).isEqualTo(200);
    JsonNode u = user(admin, organization(admin, unique("机构")), "MEMBER");
    String username = u.path("username").asString();
    assertThat(plainLogin(browser(), username, PASSWORD).status()).isEqualTo(200);
    assertThat(plainLogin(browser(), username, "Wrong#Pass1").error()).isEqualTo("BAD_CREDENTIALS");
    // the captcha now missing is answered like a wrong password: no hint that the account exists
    assertThat(plainLogin(browser(), username, PASSWORD).error()).isEqualTo("BAD_CREDENTIALS");
    Browser.Res right = passwordLogin(browser(), username, PASSWORD);
    assertThat(right.status()).as(right.body()).isEqualTo(200);
    // a success clears the failure count: no captcha again
    assertThat(plainLogin(browser(), username, PASSWORD).status()).isEqualTo(200);
    assertThat(browser().get("/api/captcha").json().path("policy").asString())
        .isEqualTo("after-failures");
  }

  @Test
  void aNameWithoutAccountAndAnAccountWithFailuresAnswerAlike() {
    Browser admin = browser();
    assertThat(plainLogin(admin, ADMIN, ADMIN_PASSWORD).status()).isEqualTo(200);
    JsonNode u = user(admin, organization(admin, unique("机构")), "MEMBER");
    String known = u.path("username").asString();
    String nobody = unique("nobody");
    for (String name : new String[] {known, nobody}) {
      assertThat(plainLogin(browser(), name, "Wrong#Pass1").error()).isEqualTo("BAD_CREDENTIALS");
    }
    Browser.Res knownAgain = plainLogin(browser(), known, PASSWORD);
    Browser.Res nobodyAgain = plainLogin(browser(), nobody, PASSWORD);
    assertThat(knownAgain.status()).isEqualTo(401);
    assertThat(knownAgain.body()).isEqualTo(nobodyAgain.body());
    // an SMS code request for the account's mobile and for a number without account: one answer
    String mobile = u.path("mobile").asString();
    String otherMobile = mobile();
    assertThat(plainLogin(browser(), mobile, "Wrong#Pass1").error()).isEqualTo("BAD_CREDENTIALS");
    assertThat(plainLogin(browser(), otherMobile, "Wrong#Pass1").error())
        .isEqualTo("BAD_CREDENTIALS");
    Browser.Res codeKnown =
        browser()
            .post("/api/sms/codes", "{\"mobile\":\"%s\",\"purpose\":\"LOGIN\"}".formatted(mobile));
    Browser.Res codeOther =
        browser()
            .post(
                "/api/sms/codes",
                "{\"mobile\":\"%s\",\"purpose\":\"LOGIN\"}".formatted(otherMobile));
    assertThat(codeKnown.status()).isEqualTo(codeOther.status()).isEqualTo(401);
    assertThat(codeKnown.body()).isEqualTo(codeOther.body());
  }
}
