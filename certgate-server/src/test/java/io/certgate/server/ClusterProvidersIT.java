package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestOids;
import io.certgate.testpki.TestProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A CA provider added or changed through one node is trusted the same way by the other within the
 * providers poll interval ({@code certgate.ca.providers-poll}, 1 s in {@link FaultCluster}),
 * although each node keeps its validator in memory: otherwise a node would refuse a new provider's
 * locks, or keep trusting anchors an administrator removed, until restarted.
 */
class ClusterProvidersIT {
  private static FaultCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = FaultCluster.shared();
  }

  @Test
  void aProviderAddedThenChangedOnOneNodeReachesTheOtherWithinThePollInterval() throws Exception {
    // node B builds its validator before the provider exists
    TestProvider unknown = TestProvider.create("unknown", KeyKind.EC_P256, Instant.now());
    assertThat(FaultCluster.caLogin(cluster.b, unknown.issueUser("未知").signature()).error())
        .isEqualTo("CERT_UNTRUSTED");

    Browser onA = FaultCluster.admin(cluster.a);
    FaultCluster.Ca ca = FaultCluster.register(onA, KeyKind.EC_P256, Clock.systemUTC());
    long member = FaultCluster.member(onA, ca.organization());
    Credential lock = ca.provider().issueUser("跨节点").signature();
    assertThat(FaultCluster.bind(onA, member, lock).status()).isEqualTo(201);
    System.out.printf(
        "ClusterProvidersIT: new provider trusted on node B after %d ms%n",
        awaitAnswer(cluster.b, lock, "", 200));

    // the administrator replaces the provider's anchors on node A: B must stop trusting the old CA
    TestProvider replacement = TestProvider.create("replacement", KeyKind.EC_P256, Instant.now());
    Browser.Res changed =
        onA.put(
            "/api/admin/providers/" + ca.provider().code(),
            "{\"name\":\"故障CA %s\",\"enabled\":true,\"lockId\":\"%s\",\"revocation\":{\"mode\":\"NONE\"},\"anchors\":%s}"
                .formatted(
                    ca.provider().code(),
                    TestOids.LOCK_ID_EXTENSION_RULE,
                    PlatformIT.quote(replacement.anchorsPem())));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(FaultCluster.caLogin(cluster.a, lock).error()).isEqualTo("CERT_UNTRUSTED");
    System.out.printf(
        "ClusterProvidersIT: removed anchors distrusted on node B after %d ms%n",
        awaitAnswer(cluster.b, lock, "CERT_UNTRUSTED", 401));
  }

  /** Milliseconds until a CA login with the lock on the node answers as expected (10 s at most). */
  private static long awaitAnswer(FaultCluster.Node node, Credential lock, String error, int status)
      throws InterruptedException {
    Instant start = Instant.now();
    Instant deadline = start.plus(Duration.ofSeconds(10));
    Browser.Res r = FaultCluster.caLogin(node, lock);
    while (r.status() != status || !r.json().path("error").asString("").equals(error)) {
      assertThat(Instant.now())
          .as("node %s answers %d %s; last: %s", node.name(), status, error, r.body())
          .isBefore(deadline);
      Thread.sleep(100);
      r = FaultCluster.caLogin(node, lock);
    }
    return Duration.between(start, Instant.now()).toMillis();
  }
}
