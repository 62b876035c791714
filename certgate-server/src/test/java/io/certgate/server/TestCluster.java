package io.certgate.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A test cluster: one Redis of its own and {@code n} server nodes on the shared test PostgreSQL,
 * each started by {@link ClusterNodes} with the scenario's settings. Skips the test class (JUnit
 * assumption) where redis-server or the PostgreSQL binaries are not installed.
 */
final class TestCluster implements AutoCloseable {
  private final RedisServer redis;
  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  private TestCluster(RedisServer redis) {
    this.redis = redis;
  }

  static TestCluster start(String name, int size, String... settings) throws IOException {
    Assumptions.assumeTrue(RedisServer.available(), "redis-server is not installed");
    Assumptions.assumeTrue(
        PostgresServer.available(), "PostgreSQL 15 server binaries are not installed");
    TestCluster cluster = new TestCluster(RedisServer.start(name + "-redis"));
    try {
      for (int i = 0; i < size; i++) {
        cluster.nodes.add(
            ClusterNodes.start(
                List.of(CertGateServer.class, TestPlatformConfig.class),
                PostgresServer.get().jdbcUrl(),
                cluster.redis.url(),
                settings));
      }
      return cluster;
    } catch (IOException | RuntimeException e) {
      try {
        cluster.close();
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
        e.addSuppressed(stopped);
      }
      throw e;
    }
  }

  /** The {@code i}-th node, from 0. */
  ConfigurableApplicationContext node(int i) {
    return nodes.get(i);
  }

  RedisServer redis() {
    return redis;
  }

  /** Stops the nodes, then Redis. */
  @Override
  public void close() throws InterruptedException {
    nodes.forEach(ConfigurableApplicationContext::close);
    redis.close();
  }
}
