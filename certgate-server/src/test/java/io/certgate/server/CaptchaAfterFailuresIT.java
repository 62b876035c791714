package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Captcha policy {@code after-failures}: none until the account fails once, then required. */
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
    assertThat(plainLogin(browser(), username, PASSWORD).error()).isEqualTo("CAPTCHA_INVALID");
    assertThat(passwordLogin(browser(), username, PASSWORD).status()).isEqualTo(200);
    // a success clears the failure count: no captcha again
    assertThat(plainLogin(browser(), username, PASSWORD).status()).isEqualTo(200);
    assertThat(browser().get("/api/captcha").json().path("policy").asString())
        .isEqualTo("after-failures");
  }
}
