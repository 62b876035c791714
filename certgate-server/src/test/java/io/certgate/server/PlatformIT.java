package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.server.login.RecordingCaptchaText;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the integration suites: the real application on a random port, driven over HTTP. The same
 * suites run on H2 and PostgreSQL (subclasses per database); all suites of one database share one
 * Spring context, so each test makes its own organisations and users with unique names.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "certgate.captcha=always",
      "certgate.admin.username=" + PlatformIT.ADMIN,
      "certgate.admin.password=" + PlatformIT.ADMIN_PASSWORD,
      "certgate.login.ip-attempts=25",
      "certgate.sms.gateway=http",
      "certgate.sms.http.key=test-key",
      "certgate.api.max-body-bytes=65536"
    })
@Import(TestPlatformConfig.class)
public abstract class PlatformIT {
  public static final String ADMIN = "root-admin";
  public static final String ADMIN_PASSWORD = "Test#Platform2026";
  public static final String PASSWORD = "Good#Pass2026";
  private static final AtomicInteger SEQ = new AtomicInteger();

  /** The audit key of this test JVM: generated, as issue 14 asks of tests. */
  public static final String AUDIT_KEY = generatedAuditKey();

  @LocalServerPort protected int port;
  @Autowired protected TestClock clock;
  @Autowired protected RecordingCaptchaText captchaText;

  @DynamicPropertySource
  static void sms(DynamicPropertyRegistry registry) {
    registry.add("certgate.sms.http.url", () -> FakeSmsGateway.get().url());
    registry.add("certgate.audit.key", () -> AUDIT_KEY);
  }

  private static String generatedAuditKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }

  /** Every test starts a day later: rate-limit windows and lockouts of earlier tests are over. */
  @BeforeEach
  void nextDay() {
    clock.advance(Duration.ofDays(2));
  }

  protected Browser browser() {
    return new Browser(port);
  }

  /** A fresh captcha's id and answer, read the way a person reads the image. */
  protected String[] captcha(Browser b) {
    Browser.Res r = b.get("/api/captcha");
    assertThat(r.status()).isEqualTo(200);
    return new String[] {r.json().path("captchaId").asString(), captchaText.last()};
  }

  protected Browser.Res passwordLogin(Browser b, String username, String password) {
    String[] c = captcha(b);
    return b.post(
        "/api/auth/password",
        "{\"username\":\"%s\",\"password\":\"%s\",\"captchaId\":\"%s\",\"captcha\":\"%s\"}"
            .formatted(username, password, c[0], c[1]));
  }

  /**
   * {@code n} wrong passwords for the account, the test clock moved past each growing delay so
   * every one is checked; each answer is {@code BAD_CREDENTIALS}.
   */
  protected void wrongPasswords(Browser b, String username, int n) {
    for (int i = 0; i < n; i++) {
      Browser.Res r = passwordLogin(b, username, "Wrong#Pass1");
      assertThat(r.error()).as(r.body()).isEqualTo("BAD_CREDENTIALS");
      clock.advance(Duration.ofSeconds(20));
    }
  }

  /** The audit rows of failed logins typed with this name, newest first: their reasons. */
  protected java.util.List<String> failureReasons(String login, String action) {
    JsonNode items =
        admin()
            .get(
                "/api/admin/audit?actor=%s&action=%s&outcome=FAILURE&size=100"
                    .formatted(login, action))
            .json()
            .path("items");
    java.util.List<String> reasons = new java.util.ArrayList<>();
    items.forEach(i -> reasons.add(i.path("reason").asString()));
    return reasons;
  }

  protected Browser loggedIn(String username, String password) {
    Browser b = browser();
    Browser.Res r = passwordLogin(b, username, password);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return b;
  }

  protected Browser admin() {
    return loggedIn(ADMIN, ADMIN_PASSWORD);
  }

  protected static String unique(String prefix) {
    return prefix + SEQ.incrementAndGet() + "x" + ThreadLocalRandom.current().nextInt(100_000);
  }

  protected static String mobile() {
    return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  /** A valid 统一社会信用代码 with a random body (GB 32100-2015 check character computed). */
  protected static String creditCode() {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    StringBuilder s = new StringBuilder("91339900");
    for (int i = 0; i < 9; i++) {
      s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += alphabet.indexOf(s.charAt(i)) * w[i];
    }
    return s.append(alphabet.charAt((31 - sum % 31) % 31)).toString();
  }

  /** Makes sure the test regions exist; returns the child code (CA inherited from the parent). */
  protected String region(Browser admin) {
    admin.post("/api/admin/regions", "{\"code\":\"330000\",\"name\":\"浙江省\",\"caEnabled\":true}");
    admin.post(
        "/api/admin/regions", "{\"code\":\"339900\",\"name\":\"培训省本级\",\"parentCode\":\"330000\"}");
    return "339900";
  }

  protected long organization(Browser admin, String name) {
    Browser.Res r =
        admin.post(
            "/api/admin/organizations",
            "{\"name\":%s,\"regionCode\":\"%s\",\"kind\":\"SUPPLIER\",\"creditCode\":\"%s\"}"
                .formatted(quote(name), region(admin), creditCode()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  /** Creates a user and returns its JSON; username and mobile are in the result. */
  protected JsonNode user(Browser actor, long organizationId, String role) {
    String username = unique("u");
    Browser.Res r =
        actor.post(
            "/api/admin/users",
            "{\"organizationId\":%d,\"username\":\"%s\",\"displayName\":\"经办人%s\",\"mobile\":\"%s\",\"password\":\"%s\",\"roles\":[\"%s\"]}"
                .formatted(organizationId, username, username, mobile(), PASSWORD, role));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  protected static String quote(String s) {
    return Browser.JSON.writeValueAsString(s);
  }
}
