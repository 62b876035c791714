package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code CERTGATE_SESSION_TIMEOUT} is an idle timeout: a session in use stays, one left alone
 * longer than the timeout is logged out. Shown in cluster mode (sessions in Redis), where the
 * timeout is kept to the second; the embedded default's Tomcat sessions count it in whole minutes,
 * too slow for a test.
 */
class ClusterSessionTimeoutIT {
  private static TestCluster cluster;
  private static ConfigurableApplicationContext node;

  @BeforeAll
  static void startNode() throws IOException {
    cluster =
        TestCluster.start(
            "session-timeout",
            1,
            "--certgate.captcha=always",
            "--server.servlet.session.timeout=5s");
    node = cluster.node(0);
  }

  @AfterAll
  static void stopNode() throws InterruptedException {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aSessionInUseStaysAndAnIdleOneIsLoggedOut() throws InterruptedException {
    Browser admin = ClusterNodes.admin(node);
    for (int i = 1; i <= 4; i++) { // 6 s in all, longer than the timeout, never 5 s idle
      Thread.sleep(1500);
      assertThat(admin.get("/api/session").status()).as("in use, request %d", i).isEqualTo(200);
    }

    assertThat(sessionKeys()).as("the session is kept in Redis").isNotEmpty();
    // left alone: wait, without touching the session, until Redis has expired it
    awaitNoSessionInRedis();

    Browser.Res idle = admin.get("/api/session");
    assertThat(idle.status()).isEqualTo(401);
    assertThat(idle.error()).isEqualTo("UNAUTHENTICATED");
  }

  /** Polls Redis (redis-cli, never the session itself) until no session key is left; 20 s max. */
  private static void awaitNoSessionInRedis() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline && !sessionKeys().isEmpty()) {
      Thread.sleep(200);
    }
    assertThat(sessionKeys()).as("session keys in Redis").isEmpty();
  }

  private static String sessionKeys() {
    try {
      Process scan =
          new ProcessBuilder(
                  "redis-cli", "-u", cluster.redis().url(), "--scan", "--pattern", "*:sessions:*")
              .redirectErrorStream(true)
              .start();
      String out = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(scan.waitFor()).as("redis-cli: %s", out).isZero();
      return out.strip();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("redis-cli failed", e);
    }
  }
}
