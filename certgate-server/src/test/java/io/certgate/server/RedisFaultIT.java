package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Redis stopped and started again under a two-node cluster with CA bindings in play (issue 7):
 * while it is away every request that needs it is a clear 503 and a bind fails without leaving a
 * row; once it is back both nodes serve again without a restart, every binding made before is still
 * there (API and database), logs in on both nodes, and the refused bind succeeds on retry.
 */
class RedisFaultIT {
  private static FaultCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = FaultCluster.shared();
  }

  @Test
  void aRedisOutageLosesNoBindingAndBothNodesRecoverByThemselves() throws Exception {
    FaultCluster.Node a = cluster.a;
    FaultCluster.Node b = cluster.b;
    Browser onA = FaultCluster.admin(a);
    Browser onB = FaultCluster.admin(b);
    FaultCluster.Ca ca = cluster.ca(onA, KeyKind.EC_P256, Clock.systemUTC());
    long first = FaultCluster.member(onA, ca.organization());
    long second = FaultCluster.member(onA, ca.organization());

    // six bindings made through both nodes before the outage
    Map<String, JsonNode> bound = new LinkedHashMap<>();
    List<Credential> locks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Credential lock = ca.provider().issueUser("缓存" + i).signature();
      Browser.Res r = FaultCluster.bind(i % 2 == 0 ? onA : onB, i < 3 ? first : second, lock);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      bound.put(r.json().path("lockId").asString(), r.json());
      locks.add(lock);
    }
    Credential pending = ca.provider().issueUser("缓存中断").signature();
    JsonNode pendingChallenge =
        onB.post("/api/ca/challenges", "{\"purpose\":\"BIND\",\"userId\":%d}".formatted(first))
            .json();

    cluster.redis.stop();
    long stoppedAt = System.nanoTime();
    try {
      Browser.Res bind = FaultCluster.postBinding(onB, first, pendingChallenge, pending);
      assertRedisOutage(bind);
      assertRedisOutage(onA.get("/api/ca/bindings?organizationId=" + ca.organization()));
      assertRedisOutage(
          a.browser("198.19.0.1").post("/api/ca/challenges", "{\"purpose\":\"LOGIN\"}"));
      assertRedisOutage(FaultCluster.passwordLogin(b.browser("198.19.0.2")));
      assertThat(bindingRows(ca)).as("no row from the refused bind").hasSize(6);
      // long enough for Lettuce's reconnect attempts to back off, as in a real outage
      Thread.sleep(Math.max(0, 3000 - (System.nanoTime() - stoppedAt) / 1_000_000));
    } finally {
      cluster.redis.start();
    }
    long restartedAt = System.nanoTime();
    System.out.printf(
        "RedisFaultIT: Redis away %d ms; node A back after %d ms, node B after %d ms%n",
        (restartedAt - stoppedAt) / 1_000_000, recovery(a, restartedAt), recovery(b, restartedAt));

    // Redis kept no sessions (no persistence): sign in again, on each node
    onA = FaultCluster.admin(a);
    onB = FaultCluster.admin(b);
    assertEveryBindingKept(ca, bound, List.of(onA, onB));
    for (Credential lock : locks) {
      for (FaultCluster.Node node : List.of(a, b)) {
        Browser.Res login = FaultCluster.caLogin(node, lock);
        assertThat(login.status()).as(node.name() + " " + login.body()).isEqualTo(200);
      }
    }
    Browser.Res retried = FaultCluster.bind(onB, first, pending);
    assertThat(retried.status()).as(retried.body()).isEqualTo(201);
    assertThat(bindingRows(ca)).hasSize(7);
    assertThat(
            cluster.rows(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'CA_BIND'"
                    + " AND outcome = 'SUCCESS' AND target LIKE ?",
                "% ca:" + ca.provider().code() + ":%"))
        .singleElement()
        .satisfies(r -> assertThat(((Number) r.get("n")).longValue()).isEqualTo(7));
    assertThat(onA.get("/api/admin/audit/verify").json().path("valid").asBoolean()).isTrue();
  }

  @Test
  void concurrentBindsAndLoginsThroughARedisOutageLeaveNoHalfWrittenBinding() throws Exception {
    FaultLoad load = FaultLoad.onNewOrganisation(cluster, FaultCluster.admin(cluster.a));
    FaultCluster.Ca ca = load.ca();
    load.start(cluster, 8);
    Thread.sleep(2000);
    long stopping = load.millis();
    long down;
    long up;
    try {
      cluster.redis.stop();
      down = load.millis();
      Thread.sleep(3000);
    } finally {
      cluster.redis.start();
      up = load.millis();
    }
    // until both nodes bind again (their clients signed in anew) and a second more, 30 s at most
    long deadline = up + 30_000;
    while (load.millis() < deadline
        && (load.bound("A", up) < 0
            || load.bound("B", up) < 0
            || load.millis() < Math.max(load.bound("A", up), load.bound("B", up)) + 1000)) {
      Thread.sleep(100);
    }
    load.stop();

    List<FaultLoad.Outcome> outcomes = load.outcomes();
    LoadReport report = LoadReport.cacheOutage();
    report.print(outcomes, stopping, up);
    report.assertOnlyExpectedAnswers(outcomes);
    for (String node : List.of("A", "B")) {
      assertThat(load.recovered(node, up)).as("node %s recovers", node).isGreaterThanOrEqualTo(0);
      assertThat(outcomes)
          .as("node %s answered 503 while Redis was down", node)
          .anyMatch(o -> o.node().equals(node) && o.status() == 503 && o.startMillis() >= down);
    }
    System.out.printf(
        "RedisFaultIT: binds answered 201 again %d ms (A) and %d ms (B) after Redis returned%n",
        load.bound("A", up) - up, load.bound("B", up) - up);
    assertThat(load.bound("A", up)).as("node A binds again").isGreaterThanOrEqualTo(0);
    assertThat(load.bound("B", up)).as("node B binds again").isGreaterThanOrEqualTo(0);
    new BindingConsistency(cluster, ca.provider().code())
        .check(outcomes, load.preBound(), load.contestedLockIds());
  }

  /** Listed by the API through each browser's node, and stored as answered when they were made. */
  private static void assertEveryBindingKept(
      FaultCluster.Ca ca, Map<String, JsonNode> bound, List<Browser> viaEachNode) throws Exception {
    for (Browser via : viaEachNode) {
      JsonNode listing =
          via.get("/api/ca/bindings?organizationId=" + ca.organization() + "&size=50").json();
      assertThat(listing.path("total").asLong()).isEqualTo(bound.size());
      assertThat(
              StreamSupport.stream(listing.path("items").spliterator(), false)
                  .map(i -> i.path("lockId").asString()))
          .containsExactlyInAnyOrderElementsOf(bound.keySet());
    }
    List<Map<String, Object>> rows = bindingRows(ca);
    assertThat(rows).hasSize(bound.size());
    for (Map<String, Object> row : rows) {
      JsonNode made = bound.get((String) row.get("lock_id"));
      assertThat(made).as("row %s was answered 201 before the outage", row).isNotNull();
      assertThat(((Number) row.get("id")).longValue()).isEqualTo(made.path("id").asLong());
      assertThat(((Number) row.get("user_id")).longValue()).isEqualTo(made.path("userId").asLong());
      assertThat(row.get("serial_number")).isEqualTo(made.path("serialNumber").asString());
    }
  }

  private static void assertRedisOutage(Browser.Res r) {
    assertThat(r.status()).as(r.body()).isEqualTo(503);
    FaultCluster.assertCleanError(r);
    assertThat(r.error()).isEqualTo("INTERNAL");
    assertThat(r.json().path("message").asString()).contains("缓存服务暂不可用");
  }

  /** Milliseconds from Redis's return until a password login works on the node. */
  private static long recovery(FaultCluster.Node node, long since) throws InterruptedException {
    long deadline = since + Duration.ofSeconds(40).toNanos();
    while (FaultCluster.passwordLogin(node.browser(FaultCluster.clientIp())).status() != 200) {
      assertThat(System.nanoTime()).as("node %s recovers", node.name()).isLessThan(deadline);
      Thread.sleep(100);
    }
    return (System.nanoTime() - since) / 1_000_000;
  }

  private static List<Map<String, Object>> bindingRows(FaultCluster.Ca ca) throws Exception {
    return cluster.rows(
        "SELECT id, user_id, lock_id, serial_number FROM ca_bindings WHERE provider_code = ?",
        ca.provider().code());
  }
}
