package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testdb.ThrowawayPostgres;
import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestOids;
import io.certgate.testpki.TestProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two application nodes on a PostgreSQL and a Redis of their own, for tests that take the database
 * or the cache away: stopping them cannot disturb any other suite of the JVM. The fault suites of
 * one JVM share it ({@link #shared()}), each with its own provider and organisation, and each
 * leaves both services running when it ends. The nodes run on the real clock and trust {@code
 * X-Forwarded-For} from 127.0.0.1 ({@code certgate.trusted-proxies}), as behind a load balancer, so
 * that each simulated client has its own address and the per-address limits count it alone.
 */
final class FaultCluster implements AutoCloseable {
  final ThrowawayPostgres postgres;
  final RedisServer redis;
  final Node a;
  final Node b;

  record Node(String name, ConfigurableApplicationContext context, int port) {
    /** A browser of one client address. */
    Browser browser(String clientIp) {
      return new Browser(port).header("X-Forwarded-For", clientIp);
    }
  }

  /** A region, an organisation in it and a provider (no revocation) enabled for the region. */
  record Ca(String region, long organization, TestProvider provider) {}

  private FaultCluster(ThrowawayPostgres postgres, RedisServer redis, Node a, Node b) {
    this.postgres = postgres;
    this.redis = redis;
    this.a = a;
    this.b = b;
  }

  private static @Nullable FaultCluster shared;

  /** The cluster of the test JVM, started on first use and stopped when the JVM exits. */
  static synchronized FaultCluster shared() throws IOException {
    Assumptions.assumeTrue(RedisServer.available(), "redis-server is not installed");
    Assumptions.assumeTrue(
        PostgresServer.available(), "PostgreSQL 15 server binaries are not installed");
    if (shared == null) {
      ThrowawayPostgres pg = PostgresServer.dedicated();
      RedisServer redis = RedisServer.start("fault-redis");
      FaultCluster cluster =
          new FaultCluster(pg, redis, node("A", pg, redis), node("B", pg, redis));
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::closeQuietly));
      shared = cluster;
    }
    return shared;
  }

  private static Node node(String name, ThrowawayPostgres pg, RedisServer redis)
      throws IOException {
    ConfigurableApplicationContext context =
        ClusterNodes.start(
            List.of(CertGateServer.class),
            pg.jdbcUrl(),
            redis.url(),
            "--certgate.trusted-proxies=127.0.0.1",
            "--certgate.captcha=off",
            "--certgate.login.ip-attempts=1000",
            "--certgate.ca.providers-poll=1s");
    return new Node(name, context, ClusterNodes.port(context));
  }

  @Override
  public void close() throws InterruptedException {
    a.context().close();
    b.context().close();
    redis.close();
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (InterruptedException e) {
      // the JVM is exiting: the temporary folders are all that may remain
    }
  }

  /** A random client address from the documentation range 198.18.0.0/15. */
  static String clientIp() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "198.18." + r.nextInt(256) + "." + (1 + r.nextInt(254));
  }

  static Browser.Res passwordLogin(Browser b) {
    return b.post(
        "/api/auth/password",
        "{\"username\":\"%s\",\"password\":\"%s\"}"
            .formatted(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD));
  }

  /** The platform administrator signed in on this node. */
  static Browser admin(Node node) {
    Browser b = node.browser(clientIp());
    Browser.Res r = passwordLogin(b);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return b;
  }

  /**
   * Region, organisation and a provider of this key kind enabled there, through the admin API;
   * returns once both nodes trust the provider (a node learns of a provider registered through the
   * other within the providers poll interval).
   */
  Ca ca(Browser admin, KeyKind kind, Clock providerClock) throws InterruptedException {
    Ca ca = register(admin, kind, providerClock);
    Credential probe = ca.provider().issueUser("探针").signature();
    for (Node node : List.of(a, b)) {
      long deadline = System.nanoTime() + 15_000_000_000L;
      while (caLogin(node, probe).error().equals("CERT_UNTRUSTED")) {
        assertThat(System.nanoTime())
            .as("node %s trusts the provider", node.name())
            .isLessThan(deadline);
        Thread.sleep(100);
      }
    }
    return ca;
  }

  /** Region, organisation and a provider of this key kind enabled there, through the admin API. */
  static Ca register(Browser admin, KeyKind kind, Clock providerClock) {
    admin.post("/api/admin/regions", "{\"code\":\"330000\",\"name\":\"浙江省\",\"caEnabled\":true}");
    String region = "3" + (50000 + ThreadLocalRandom.current().nextInt(49999));
    Browser.Res r =
        admin.post(
            "/api/admin/regions",
            "{\"code\":\"%s\",\"name\":\"故障区划%s\",\"parentCode\":\"330000\"}"
                .formatted(region, region));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    TestProvider p =
        TestProvider.builder()
            .code("f" + Long.toString(System.nanoTime(), 36))
            .keyKind(kind)
            .clock(providerClock)
            .build();
    r =
        admin.post(
            "/api/admin/providers",
            "{\"code\":\"%s\",\"name\":\"故障CA %s\",\"enabled\":true,\"lockId\":\"%s\",\"revocation\":{\"mode\":\"NONE\"},\"anchors\":%s}"
                .formatted(
                    p.code(),
                    p.code(),
                    TestOids.LOCK_ID_EXTENSION_RULE,
                    PlatformIT.quote(p.anchorsPem())));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    r = admin.put("/api/admin/regions/" + region + "/providers", "[\"" + p.code() + "\"]");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    r =
        admin.post(
            "/api/admin/organizations",
            "{\"name\":\"故障测试单位%s\",\"regionCode\":\"%s\",\"kind\":\"SUPPLIER\",\"creditCode\":\"%s\"}"
                .formatted(p.code(), region, PlatformIT.creditCode()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new Ca(region, r.json().path("id").asLong(), p);
  }

  /** A member of the organisation; returns its id. */
  static long member(Browser admin, long organization) {
    String username = "fault" + Long.toString(System.nanoTime(), 36);
    Browser.Res r =
        admin.post(
            "/api/admin/users",
            "{\"organizationId\":%d,\"username\":\"%s\",\"displayName\":\"经办人%s\",\"mobile\":\"%s\",\"password\":\"%s\",\"roles\":[\"MEMBER\"]}"
                .formatted(
                    organization, username, username, PlatformIT.mobile(), PlatformIT.PASSWORD));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  /** BIND challenge and binding, as the 绑定 dialog does it; the first failing answer is returned. */
  static Browser.Res bind(Browser actor, long userId, Credential lock) {
    Browser.Res ch =
        actor.post("/api/ca/challenges", "{\"purpose\":\"BIND\",\"userId\":%d}".formatted(userId));
    if (ch.status() != 200) {
      return ch;
    }
    return postBinding(actor, userId, ch.json(), lock);
  }

  static Browser.Res postBinding(Browser actor, long userId, JsonNode challenge, Credential lock) {
    String token =
        CaPlatformIT.token(lock, challenge.path("nonce").asString(), CaPlatformIT.ORIGIN);
    return actor.post(
        "/api/ca/bindings",
        "{\"userId\":%d,\"challengeId\":\"%s\",\"token\":%s}"
            .formatted(userId, challenge.path("challengeId").asString(), PlatformIT.quote(token)));
  }

  /** A CA login from a fresh browser: LOGIN challenge, signed token, POST /api/auth/ca. */
  static Browser.Res caLogin(Node node, Credential lock) {
    Browser b = node.browser(clientIp());
    Browser.Res ch = b.post("/api/ca/challenges", "{\"purpose\":\"LOGIN\"}");
    if (ch.status() != 200) {
      return ch;
    }
    String token =
        CaPlatformIT.token(lock, ch.json().path("nonce").asString(), CaPlatformIT.ORIGIN);
    return b.post(
        "/api/auth/ca",
        "{\"challengeId\":\"%s\",\"token\":%s}"
            .formatted(ch.json().path("challengeId").asString(), PlatformIT.quote(token)));
  }

  /** Rows of a query on the cluster's database, read directly (not through a node). */
  List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      List<Map<String, Object>> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= columns; i++) {
            row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
          }
          out.add(row);
        }
      }
      return out;
    }
  }

  /** What a client must see in any error body: the JSON shape and nothing of the server inside. */
  static void assertCleanError(Browser.Res r) {
    assertThat(r.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
    JsonNode body = r.json();
    assertThat(body.propertyNames()).as(r.body()).containsExactlyInAnyOrder("error", "message");
    assertThat(r.body())
        .doesNotContain("Exception", "at io.", "at org.", "SQL", "postgres", "redis", "lettuce");
  }
}
