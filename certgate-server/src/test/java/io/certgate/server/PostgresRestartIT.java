package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.server.FaultLoad.Op;
import io.certgate.server.FaultLoad.Outcome;
import io.certgate.testpki.Credential;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped ({@code pg_ctl stop -m fast}) and started again while eight clients bind locks
 * and log in by CA through both nodes of a cluster (issue 7). During the outage a request that
 * needs the database gets a clear 503 within the pool's connection timeout (5 s); after it both
 * nodes serve again without a restart; and the database holds no half-written binding (see {@link
 * BindingConsistency} for exactly what is checked).
 */
class PostgresRestartIT {
  private static final int CLIENTS = 8;
  private static FaultCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = FaultCluster.shared();
  }

  @Test
  void aPostgresRestartUnderLoadAnswers503ThenRecoversWithNoHalfWrittenBinding() throws Exception {
    Browser admin = FaultCluster.admin(cluster.a);
    FaultLoad load = FaultLoad.onNewOrganisation(cluster, admin);
    FaultCluster.Ca ca = load.ca();
    List<Long> members = load.members();

    load.start(cluster, CLIENTS);
    // under load: both nodes have served a bind or login
    awaitUntil(load, () -> load.recovered("A", 0) >= 0 && load.recovered("B", 0) >= 0);
    long stopping = load.millis();
    long down;
    long up;
    try {
      cluster.postgres.stop();
      down = load.millis();
      long since = down;
      // the database stays down until each node has answered 503 to a request made meanwhile
      awaitUntil(load, () -> answered503(load, "A", since) && answered503(load, "B", since));
    } finally {
      cluster.postgres.start();
      up = load.millis();
    }
    awaitRecovery(load, up);
    load.stop();

    List<Outcome> outcomes = load.outcomes();
    LoadReport report = LoadReport.databaseOutage();
    report.print(outcomes, stopping, up);
    report.assertOnlyExpectedAnswers(outcomes);
    for (String node : List.of("A", "B")) {
      assertThat(load.recovered(node, up))
          .as("node %s served a bind or login after PostgreSQL returned", node)
          .isGreaterThanOrEqualTo(0);
      assertThat(outcomes)
          .as("node %s answered 503 to a request made while the database was down", node)
          .anyMatch(
              o ->
                  o.node().equals(node)
                      && o.status() == 503
                      && o.startMillis() >= down
                      && o.startMillis() < up);
    }
    assertThat(outcomes)
        .as("no request waited much longer than the pool's connection timeout")
        .allMatch(o -> o.atMillis() - o.startMillis() < 12_000);

    // both nodes fully usable afterwards, without a restart
    for (FaultCluster.Node node : List.of(cluster.a, cluster.b)) {
      Browser after = FaultCluster.admin(node);
      Credential lock = ca.provider().issueUser("恢复后").signature();
      Outcome bound =
          load.record(Op.BIND, node, () -> FaultCluster.bind(after, members.get(0), lock));
      assertThat(bound.status()).as(node.name() + " " + bound.raw()).isEqualTo(201);
      assertThat(FaultCluster.caLogin(node, load.loginLock(0)).status()).isEqualTo(200);
    }
    new BindingConsistency(cluster, ca.provider().code())
        .check(load.outcomes(), load.preBound(), load.contestedLockIds());
    assertThat(admin.get("/api/admin/audit/verify").json().path("valid").asBoolean())
        .as("audit chain intact")
        .isTrue();
  }

  private static boolean answered503(FaultLoad load, String node, long since) {
    return load.outcomes().stream()
        .anyMatch(o -> o.node().equals(node) && o.status() == 503 && o.startMillis() >= since);
  }

  /** Polls the condition every 100 ms for at most 30 s. */
  private static void awaitUntil(FaultLoad load, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = load.millis() + 30_000;
    while (!condition.getAsBoolean() && load.millis() < deadline) {
      Thread.sleep(100);
    }
  }

  /** Lets the load run until both nodes have served database work for two seconds (30 s max). */
  private static void awaitRecovery(FaultLoad load, long up) throws InterruptedException {
    long deadline = up + 30_000;
    while (load.millis() < deadline) {
      long a = load.recovered("A", up);
      long b = load.recovered("B", up);
      if (a >= 0 && b >= 0 && load.millis() > Math.max(a, b) + 2000) {
        return;
      }
      Thread.sleep(100);
    }
  }
}
