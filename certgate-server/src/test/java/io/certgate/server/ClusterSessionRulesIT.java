package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.server.login.RecordingCaptchaText;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Open sessions follow the account on every node (sessions in Redis): a change made through node B
 * applies to a session at its very next request on node A, with no waiting; the absolute lifetime
 * holds on both nodes; a session ended on one node is ended on the other.
 */
class ClusterSessionRulesIT {
  private static TestCluster cluster;
  private static ConfigurableApplicationContext a;
  private static ConfigurableApplicationContext b;

  @BeforeAll
  static void startCluster() throws IOException {
    cluster = TestCluster.start("session-rules", 2, "--certgate.captcha=always");
    a = cluster.node(0);
    b = cluster.node(1);
  }

  @AfterAll
  static void stopCluster() throws InterruptedException {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** A new member of a new organisation, created through {@code admin}. */
  private static JsonNode member(Browser admin, String role) {
    admin.post("/api/admin/regions", "{\"code\":\"330000\",\"name\":\"浙江省\",\"caEnabled\":true}");
    Browser.Res org =
        admin.post(
            "/api/admin/organizations",
            "{\"name\":%s,\"regionCode\":\"330000\",\"kind\":\"SUPPLIER\",\"creditCode\":\"%s\"}"
                .formatted(PlatformIT.quote(PlatformIT.unique("集群机构")), PlatformIT.creditCode()));
    assertThat(org.status()).as(org.body()).isEqualTo(201);
    Browser.Res u =
        admin.post(
            "/api/admin/users",
            "{\"organizationId\":%d,\"username\":\"%s\",\"displayName\":\"集群经办人\",\"mobile\":\"%s\",\"password\":\"%s\",\"roles\":[\"%s\"]}"
                .formatted(
                    org.json().path("id").asLong(),
                    PlatformIT.unique("cu"),
                    PlatformIT.mobile(),
                    PlatformIT.PASSWORD,
                    role));
    assertThat(u.status()).as(u.body()).isEqualTo(201);
    return u.json();
  }

  private static Browser loggedIn(ConfigurableApplicationContext node, String username) {
    Browser browser = new Browser(ClusterNodes.port(node));
    Browser.Res c = browser.get("/api/captcha");
    String answer = node.getBean(RecordingCaptchaText.class).last();
    Browser.Res login =
        browser.post(
            "/api/auth/password",
            "{\"username\":\"%s\",\"password\":\"%s\",\"captchaId\":\"%s\",\"captcha\":\"%s\"}"
                .formatted(
                    username, PlatformIT.PASSWORD, c.json().path("captchaId").asString(), answer));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    return browser;
  }

  /** The same session (cookies) seen through the other node. */
  private static Browser on(ConfigurableApplicationContext node, Browser session) {
    Browser other = new Browser(ClusterNodes.port(node));
    session.cookie("CERTGATE_SESSION").ifPresent(v -> other.setCookie("CERTGATE_SESSION", v));
    session.cookie("XSRF-TOKEN").ifPresent(v -> other.setCookie("XSRF-TOKEN", v));
    return other;
  }

  @Test
  void disablingThroughOneNodeEndsTheSessionOnTheOtherAtItsNextRequest() {
    Browser adminOnB = ClusterNodes.admin(b);
    JsonNode u = member(adminOnB, "MEMBER");
    Browser onA = loggedIn(a, u.path("username").asString());
    assertThat(onA.get("/api/session").status()).isEqualTo(200);
    Browser.Res off =
        adminOnB.put(
            "/api/admin/users/" + u.path("id").asLong() + "/status", "{\"status\":\"DISABLED\"}");
    assertThat(off.status()).as(off.body()).isEqualTo(200);
    Browser.Res next = onA.get("/api/session");
    assertThat(next.status()).isEqualTo(401);
    assertThat(next.error()).isEqualTo("UNAUTHENTICATED");
    assertThat(on(b, onA).get("/api/session").status()).isEqualTo(401);
  }

  @Test
  void aPasswordSetThroughOneNodeEndsTheSessionOnTheOther() {
    Browser adminOnA = ClusterNodes.admin(a);
    JsonNode u = member(adminOnA, "MEMBER");
    Browser onB = loggedIn(b, u.path("username").asString());
    Browser.Res set =
        adminOnA.put(
            "/api/admin/users/" + u.path("id").asLong() + "/password",
            "{\"password\":\"Cluster#Secret2027\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(204);
    assertThat(onB.get("/api/session").status()).isEqualTo(401);
    assertThat(adminOnA.get("/api/session").status()).isEqualTo(200);
  }

  @Test
  void aRoleChangeThroughOneNodeAppliesOnTheOtherAtTheNextRequest() {
    Browser adminOnB = ClusterNodes.admin(b);
    JsonNode u = member(adminOnB, "ORG_ADMIN");
    Browser onA = loggedIn(a, u.path("username").asString());
    assertThat(onA.get("/api/admin/users").status()).isEqualTo(200);
    Browser.Res demoted =
        adminOnB.put(
            "/api/admin/users/" + u.path("id").asLong(),
            "{\"displayName\":\"集群经办人\",\"mobile\":\"%s\",\"roles\":[\"MEMBER\"]}"
                .formatted(u.path("mobile").asString()));
    assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);
    assertThat(onA.get("/api/admin/users").status()).isEqualTo(403);
    JsonNode seenOnB = on(b, onA).get("/api/session").json().path("user");
    assertThat(seenOnB.path("roles").get(0).asString()).isEqualTo("MEMBER");
  }

  @Test
  void theAbsoluteLifetimeHoldsOnBothNodes() {
    Browser adminOnA = ClusterNodes.admin(a);
    JsonNode u = member(adminOnA, "MEMBER");
    Browser onA = loggedIn(a, u.path("username").asString());
    for (ConfigurableApplicationContext node : List.of(a, b)) {
      node.getBean(TestClock.class).advance(Duration.ofHours(11));
    }
    assertThat(onA.get("/api/session").status()).isEqualTo(200);
    assertThat(on(b, onA).get("/api/session").status()).isEqualTo(200);
    for (ConfigurableApplicationContext node : List.of(a, b)) {
      node.getBean(TestClock.class).advance(Duration.ofHours(1));
    }
    assertThat(on(b, onA).get("/api/session").status()).isEqualTo(401);
    assertThat(onA.get("/api/session").status()).isEqualTo(401);
  }
}
