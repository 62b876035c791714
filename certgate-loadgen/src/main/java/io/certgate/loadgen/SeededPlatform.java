package io.certgate.loadgen;

import io.certgate.core.json.JsonObject;
import io.certgate.testpki.CrlServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything a scenario runs against: a throw-away PostgreSQL, the test PKI's CRL server, the
 * packaged server as its own process (migrated by its own Flyway at start) and the seed. Close it
 * to stop them all.
 *
 * <p>The server runs with the captcha off and the per-IP login limits raised: the load comes from
 * one loopback address, where production traffic comes from many (docs/benchmarks.md says so).
 * Challenges live an hour, so tokens signed between the timed phases are still accepted.
 */
public final class SeededPlatform implements AutoCloseable {
  /** The bootstrap platform administrator. */
  public static final String ADMIN = "admin";

  public static final String ADMIN_PASSWORD = "Bench#Platform2026";

  private final PostgresCluster postgres;
  private final CrlServer crls;
  private final ServerProcess server;
  private final SeedResult seed;

  private SeededPlatform(
      PostgresCluster postgres, CrlServer crls, ServerProcess server, SeedResult seed) {
    this.postgres = postgres;
    this.crls = crls;
    this.server = server;
    this.seed = seed;
  }

  /**
   * Starts and seeds.
   *
   * @param serverJar {@code certgate-server/target/certgate-server.jar}
   * @param work a folder for the server's log and data (PostgreSQL's own folder is a temporary one)
   * @param plan what to seed
   * @param serverArgs further Spring arguments for the server
   */
  public static SeededPlatform start(
      Path serverJar, Path work, SeedPlan plan, List<String> serverArgs) {
    PostgresCluster postgres = PostgresCluster.start(Path.of(System.getProperty("java.io.tmpdir")));
    @Nullable CrlServer crls = null;
    @Nullable ServerProcess server = null;
    try {
      Progress.say("PostgreSQL on " + postgres.jdbcUrl() + "; starting the server");
      crls = CrlServer.start();
      List<String> args = new ArrayList<>();
      args.addAll(
          List.of(
              "--certgate.login.ip-attempts=1000000000",
              "--certgate.login.ip-failures-for-captcha=1000000000",
              "--certgate.ca.challenge-ip-attempts=1000000000",
              "--certgate.ca.challenge-ttl=60m"));
      args.addAll(serverArgs);
      server =
          ServerProcess.start(
              serverJar,
              Map.of(
                  "CERTGATE_DB_URL",
                  postgres.jdbcUrl(),
                  "CERTGATE_DB_USER",
                  postgres.user(),
                  "CERTGATE_DB_PASSWORD",
                  "",
                  "CERTGATE_DATA_DIR",
                  work.resolve("data").toString(),
                  "CERTGATE_CAPTCHA",
                  "off",
                  "CERTGATE_ADMIN_USERNAME",
                  ADMIN,
                  "CERTGATE_ADMIN_PASSWORD",
                  ADMIN_PASSWORD),
              args,
              "1g",
              work.resolve("server.log"));
      SeedResult seed;
      try (Connection db = postgres.connect()) {
        seed =
            new Seeder(plan, Clock.systemUTC(), new SecureRandom())
                .seed(db, login(server, ADMIN, ADMIN_PASSWORD), crls);
      }
      return new SeededPlatform(postgres, crls, server, seed);
    } catch (IOException e) {
      closeAll(server, crls, postgres);
      throw new UncheckedIOException(e);
    } catch (SQLException | RuntimeException e) {
      closeAll(server, crls, postgres);
      throw new IllegalStateException("cannot start and seed the platform: " + e.getMessage(), e);
    }
  }

  /** A new session logged in by password (the captcha is off). */
  public static WebSession login(ServerProcess server, String username, String password) {
    WebSession session = new WebSession(server.origin());
    session.call(
        "POST",
        "/api/auth/password",
        JsonObject.builder().put("username", username).put("password", password).build().toJson());
    return session;
  }

  /** A new session of {@code username} (a seeded user: the seed's one password). */
  public WebSession login(String username) {
    return login(server, username, seed.password());
  }

  public ServerProcess server() {
    return server;
  }

  public SeedResult seed() {
    return seed;
  }

  public PostgresCluster postgres() {
    return postgres;
  }

  @Override
  public void close() {
    closeAll(server, crls, postgres);
  }

  private static void closeAll(
      @Nullable ServerProcess server, @Nullable CrlServer crls, PostgresCluster postgres) {
    if (server != null) {
      server.close();
    }
    if (crls != null) {
      crls.close();
    }
    postgres.close();
  }
}
