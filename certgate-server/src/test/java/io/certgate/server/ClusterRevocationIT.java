package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.Credential;
import io.certgate.testpki.CrlServer;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestOids;
import io.certgate.testpki.TestProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Revocation in cluster mode: two nodes (PostgreSQL, Redis) each keep their own CRLs, refreshed in
 * the background. A provider registered through one node reaches the other by its table poll; when
 * the CRL server serves garbage and the CRLs pass nextUpdate, neither node serves the stale CRL
 * (HARD: {@code REVOCATION_UNKNOWN} on both), and both recover once good CRLs are served.
 */
class ClusterRevocationIT {
  private static TestCluster cluster;
  private static CrlServer crls;
  private static Node a;
  private static Node b;

  private record Node(ConfigurableApplicationContext context, int port) {
    Browser browser() {
      return new Browser(port);
    }

    TestClock clock() {
      return context.getBean(TestClock.class);
    }
  }

  @BeforeAll
  static void startCluster() throws IOException {
    crls = CrlServer.start();
    cluster =
        TestCluster.start(
            "revocation", 2, "--certgate.captcha=always", "--certgate.ca.providers-poll=1s");
    a = new Node(cluster.node(0), ClusterNodes.port(cluster.node(0)));
    b = new Node(cluster.node(1), ClusterNodes.port(cluster.node(1)));
  }

  @AfterAll
  static void stopCluster() throws InterruptedException {
    if (cluster != null) {
      cluster.close();
    }
    if (crls != null) {
      crls.close();
    }
  }

  @Test
  void noNodeServesACrlPastItsNextUpdateAndBothRecover() throws Exception {
    Browser admin = ClusterNodes.admin(a.context());
    TestProvider p =
        TestProvider.builder()
            .code(PlatformIT.unique("k"))
            .keyKind(KeyKind.EC_P256)
            .clock(a.clock())
            .crlServer(crls)
            .build();
    Credential revoked = p.issueUser("已吊销").signature();
    p.revoke(revoked.certificate());
    // B builds its validator now, before the provider exists: only its table poll can tell it
    assertThat(login(b, revoked)).isEqualTo("CERT_UNTRUSTED");
    long member = memberWithProvider(admin, p);
    Credential good = p.issueUser("正常").signature();
    Browser.Res bound = bind(admin, a, member, good);
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);

    assertThat(eventually(b, good, "OK")).isEqualTo("OK"); // B follows the table
    for (Node n : new Node[] {a, b}) {
      assertThat(login(n, revoked)).isEqualTo("CERT_REVOKED");
    }

    crls.mode(CrlServer.Mode.GARBAGE);
    a.clock().advance(Duration.ofDays(1).plusHours(1)); // past nextUpdate, on both nodes' clocks
    b.clock().advance(Duration.ofDays(1).plusHours(1));
    for (Node n : new Node[] {a, b}) {
      assertThat(login(n, good)).as("port " + n.port()).isEqualTo("REVOCATION_UNKNOWN");
      assertThat(login(n, revoked)).as("port " + n.port()).isEqualTo("REVOCATION_UNKNOWN");
    }

    crls.mode(CrlServer.Mode.NORMAL);
    // a day later the first session is past its absolute lifetime (12 h): log in again
    Browser again = ClusterNodes.admin(a.context());
    for (Node n : new Node[] {a, b}) {
      Browser onNode = n.browser();
      share(again, onNode); // the admin session lives in Redis: valid on either node
      assertThat(onNode.post("/api/admin/ca/crls/refresh", "").status()).isEqualTo(204);
      assertThat(login(n, good)).as("port " + n.port()).isEqualTo("OK");
      assertThat(login(n, revoked)).as("port " + n.port()).isEqualTo("CERT_REVOKED");
    }
  }

  /** Retries a login for up to 15 s while the node has not picked the provider up yet. */
  private static String eventually(Node n, Credential lock, String wanted) throws Exception {
    String last = "";
    for (long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        System.nanoTime() < end; ) {
      last = login(n, lock);
      if (last.equals(wanted)) {
        return last;
      }
      Thread.sleep(500);
    }
    return last;
  }

  private static String login(Node n, Credential lock) {
    Browser browser = n.browser();
    JsonNode ch = browser.post("/api/ca/challenges", "{\"purpose\":\"LOGIN\"}").json();
    Browser.Res r =
        browser.post(
            "/api/auth/ca",
            "{\"challengeId\":\"%s\",\"token\":%s}"
                .formatted(
                    ch.path("challengeId").asString(),
                    PlatformIT.quote(
                        CaPlatformIT.token(
                            lock, ch.path("nonce").asString(), CaPlatformIT.ORIGIN))));
    return r.status() == 200 ? "OK" : r.error();
  }

  private static Browser.Res bind(Browser admin, Node n, long userId, Credential lock) {
    JsonNode ch =
        admin
            .post("/api/ca/challenges", "{\"purpose\":\"BIND\",\"userId\":%d}".formatted(userId))
            .json();
    String token = CaPlatformIT.token(lock, ch.path("nonce").asString(), CaPlatformIT.ORIGIN);
    return admin.post(
        "/api/ca/bindings",
        "{\"userId\":%d,\"challengeId\":\"%s\",\"token\":%s}"
            .formatted(userId, ch.path("challengeId").asString(), PlatformIT.quote(token)));
  }

  /** Registers the CRL provider (HARD), enables it in a fresh region; returns a member's id. */
  private static long memberWithProvider(Browser admin, TestProvider p) {
    admin.post("/api/admin/regions", "{\"code\":\"330000\",\"name\":\"浙江省\",\"caEnabled\":true}");
    String region = "3" + (50000 + ThreadLocalRandom.current().nextInt(49999));
    ok(
        admin.post(
            "/api/admin/regions",
            "{\"code\":\"%s\",\"name\":\"集群区划%s\",\"parentCode\":\"330000\"}"
                .formatted(region, region)));
    ok(
        admin.post(
            "/api/admin/providers",
            ("{\"code\":\"%s\",\"name\":\"集群CA %s\",\"enabled\":true,\"lockId\":\"%s\","
                    + "\"revocation\":{\"mode\":\"CRL\",\"failure\":\"HARD\","
                    + "\"crlUrls\":[\"%s\",\"%s\"]},\"anchors\":%s}")
                .formatted(
                    p.code(),
                    p.code(),
                    TestOids.LOCK_ID_EXTENSION_RULE,
                    crls.issuingCrlUrl(p.code()),
                    crls.rootCrlUrl(p.code()),
                    PlatformIT.quote(p.anchorsPem()))));
    ok(admin.put("/api/admin/regions/" + region + "/providers", "[\"" + p.code() + "\"]"));
    long org =
        ok(admin.post(
                "/api/admin/organizations",
                "{\"name\":\"%s\",\"regionCode\":\"%s\",\"kind\":\"SUPPLIER\",\"creditCode\":\"%s\"}"
                    .formatted(PlatformIT.unique("集群机构"), region, PlatformIT.creditCode())))
            .path("id")
            .asLong();
    String username = PlatformIT.unique("k");
    return ok(admin.post(
            "/api/admin/users",
            ("{\"organizationId\":%d,\"username\":\"%s\",\"displayName\":\"集群%s\","
                    + "\"mobile\":\"%s\",\"password\":\"%s\",\"roles\":[\"MEMBER\"]}")
                .formatted(org, username, username, PlatformIT.mobile(), PlatformIT.PASSWORD)))
        .path("id")
        .asLong();
  }

  private static JsonNode ok(Browser.Res r) {
    assertThat(r.status()).as(r.body()).isBetween(200, 201);
    return r.json();
  }

  private static void share(Browser from, Browser to) {
    from.cookie("CERTGATE_SESSION").ifPresent(v -> to.setCookie("CERTGATE_SESSION", v));
    from.cookie("XSRF-TOKEN").ifPresent(v -> to.setCookie("XSRF-TOKEN", v));
  }
}
