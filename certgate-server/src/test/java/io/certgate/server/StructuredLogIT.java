package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With structured logging on (what {@code CERTGATE_LOG_FORMAT=ecs} sets), the server's console
 * output during password, SMS and CA logins (right and wrong), captchas and a CA bind is one JSON
 * object per line, names each login with its user and outcome, and contains none of the secrets
 * that passed through: passwords, SMS codes, captcha answers, session ids, CSRF tokens, token
 * signatures. Its own context (and database), since the log format is set at start-up.
 */
@TestPropertySource(
    properties = {
      "logging.structured.format.console=ecs",
      "spring.datasource.url=jdbc:h2:mem:certgate-logs;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
    })
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogIT extends CaPlatformIT {
  private static final String WRONG_PASSWORD = "Wrong#Secret77";
  private final List<String> secrets = new ArrayList<>();

  /** Every captcha answer typed in this test is a secret the log must not hold. */
  @Override
  protected String[] captcha(Browser b) {
    String[] c = super.captcha(b);
    secrets.add(c[1]);
    return c;
  }

  @Test
  void logsLoginsAsJsonLinesWithoutSecrets(CapturedOutput output) {
    int from = output.getAll().length();
    secrets.addAll(List.of(ADMIN_PASSWORD, PASSWORD, WRONG_PASSWORD));
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    JsonNode member = user(admin, s.organization(), "MEMBER");
    String username = member.path("username").asString();
    String mobile = member.path("mobile").asString();

    assertThat(passwordLogin(browser(), username, WRONG_PASSWORD).error())
        .isEqualTo("BAD_CREDENTIALS");
    Browser byPassword = loggedIn(username, PASSWORD);
    Browser bySms = smsLogin(mobile);
    Credential lock = s.provider().issueUser("日志").signature();
    assertThat(bind(admin, member.path("id").asLong(), lock).status()).isEqualTo(201);
    Browser byCa = browser();
    assertThat(signedCaLogin(byCa, lock).status()).isEqualTo(200);
    assertThat(caLogin(browser(), s.provider().issueUser("未绑定").signature()).error())
        .isEqualTo("CA_NOT_BOUND");
    secrets.add("Leak#Malformed1"); // bad input is refused without echoing it into the log
    assertThat(
            browser()
                .post(
                    "/api/auth/password",
                    "{\"username\":\"%s\",\"password\":\"Leak#Malformed1\",\"captcha\":["
                        .formatted(username))
                .status())
        .isEqualTo(400);
    for (Browser b : List.of(admin, byPassword, bySms, byCa)) {
      b.cookie("CERTGATE_SESSION").ifPresent(secrets::add);
      b.cookie("XSRF-TOKEN").ifPresent(secrets::add);
    }

    List<JsonNode> lines = jsonLines(output.getAll().substring(from));
    assertThat(lines).isNotEmpty();
    assertThat(logins(lines, "PASSWORD", "SUCCESS")).contains(ADMIN, username);
    assertThat(logins(lines, "PASSWORD", "BAD_CREDENTIALS")).contains(username);
    assertThat(logins(lines, "SMS", "SUCCESS")).contains(username);
    assertThat(logins(lines, "SMS", "CAPTCHA_INVALID")).contains(mobile);
    assertThat(logins(lines, "CA", "SUCCESS")).contains(username);
    assertThat(logins(lines, "CA", "CA_NOT_BOUND")).isNotEmpty();
    String text = output.getAll().substring(from);
    for (String secret : secrets) {
      Pattern exact =
          Pattern.compile("(?<![A-Za-z0-9+/])" + Pattern.quote(secret) + "(?![A-Za-z0-9])");
      assertThat(exact.matcher(text).find()).as("a secret in the log: %s", secret).isFalse();
    }
  }

  private Browser smsLogin(String mobile) {
    Browser b = browser();
    String[] c = captcha(b);
    Browser.Res sent =
        b.post(
            "/api/sms/codes",
            "{\"mobile\":\"%s\",\"purpose\":\"LOGIN\",\"captchaId\":\"%s\",\"captcha\":\"%s\"}"
                .formatted(mobile, c[0], c[1]));
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    String code = FakeSmsGateway.get().lastCode(mobile).orElseThrow();
    String wrong = code.equals("000000") ? "111111" : "000000";
    secrets.add(code);
    Browser.Res refused =
        b.post("/api/auth/sms", "{\"mobile\":\"%s\",\"code\":\"%s\"}".formatted(mobile, wrong));
    assertThat(refused.status()).isEqualTo(401);
    Browser.Res r =
        b.post("/api/auth/sms", "{\"mobile\":\"%s\",\"code\":\"%s\"}".formatted(mobile, code));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return b;
  }

  /** A CA login whose token's signature and nonce are remembered as secrets. */
  private Browser.Res signedCaLogin(Browser b, Credential lock) {
    JsonNode ch = challenge(b, "LOGIN", null);
    String token = token(lock, ch.path("nonce").asString(), ORIGIN);
    secrets.add(Browser.JSON.readTree(token).path("signature").asString());
    return postLogin(b, ch.path("challengeId").asString(), token);
  }

  private static List<JsonNode> jsonLines(String text) {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = Browser.JSON.readTree(line); // throws on anything that is not JSON
      assertThat(node.isObject()).as(line).isTrue();
      lines.add(node);
    }
    return lines;
  }

  /** The users of the login lines with this method and outcome. */
  private static List<String> logins(List<JsonNode> lines, String method, String outcome) {
    return lines.stream()
        .filter(l -> "login".equals(l.path("event").asString()))
        .filter(l -> method.equals(l.path("method").asString()))
        .filter(l -> outcome.equals(l.path("outcome").asString()))
        .map(l -> l.path("user").asString())
        .toList();
  }
}
