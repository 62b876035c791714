package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A CA binding unbound through one node ends, at its very next request on the other node, the
 * session that logged in with that binding, and only that one (DESIGN.md §6, "open sessions follow
 * the account ... on every node of a cluster").
 */
class ClusterCaUnbindIT {

  @Test
  void unbindingThroughOneNodeEndsTheSessionOfThatBindingOnTheOther() throws Exception {
    FaultCluster cluster = FaultCluster.shared();
    Browser adminOnA = FaultCluster.admin(cluster.a);
    FaultCluster.Ca ca = cluster.ca(adminOnA, KeyKind.EC_P256, new TestClock());
    long member = FaultCluster.member(adminOnA, ca.organization());
    Credential first = ca.provider().issueUser("集群第一把锁").signature();
    Credential second = ca.provider().issueUser("集群第二把锁").signature();
    Browser.Res bound = FaultCluster.bind(adminOnA, member, first);
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
    Browser.Res other = FaultCluster.bind(adminOnA, member, second);
    assertThat(other.status()).as(other.body()).isEqualTo(201);

    Browser byFirst = caLoggedIn(cluster.a, first);
    Browser bySecond = caLoggedIn(cluster.a, second);
    assertThat(byFirst.get("/api/session").status()).isEqualTo(200);

    Browser adminOnB = FaultCluster.admin(cluster.b);
    assertThat(adminOnB.delete("/api/ca/bindings/" + bound.json().path("id").asLong()).status())
        .isEqualTo(204);

    Browser.Res next = byFirst.get("/api/session");
    assertThat(next.status()).isEqualTo(401);
    assertThat(next.error()).isEqualTo("UNAUTHENTICATED");
    assertThat(bySecond.get("/api/session").status()).isEqualTo(200);
  }

  /** A browser on {@code node} that has logged in with {@code lock}. */
  private static Browser caLoggedIn(FaultCluster.Node node, Credential lock) throws IOException {
    Browser b = node.browser(FaultCluster.clientIp());
    Browser.Res ch = b.post("/api/ca/challenges", "{\"purpose\":\"LOGIN\"}");
    assertThat(ch.status()).as(ch.body()).isEqualTo(200);
    String token =
        CaPlatformIT.token(lock, ch.json().path("nonce").asString(), CaPlatformIT.ORIGIN);
    Browser.Res login =
        b.post(
            "/api/auth/ca",
            "{\"challengeId\":\"%s\",\"token\":%s}"
                .formatted(ch.json().path("challengeId").asString(), PlatformIT.quote(token)));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    return b;
  }
}
