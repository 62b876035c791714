package io.certgate.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certgate.core.json.Json;
import io.certgate.core.json.JsonLimits;
import io.certgate.core.json.JsonNumber;
import io.certgate.core.json.JsonObject;
import io.certgate.core.json.JsonValue;
import io.certgate.core.token.TokenAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline at a tiny scale: a real PostgreSQL seeded through the API and COPY, the
 * packaged server as its own process, every benchmark phase, and the report files. Asserts that the
 * seed has exactly the asked sizes, that every request got its expected answer (and the server's
 * audit log saw each CA login), and that every figure is a positive number.
 */
class LoadGenIT {
  private static final SeedPlan PLAN = new SeedPlan(2000, 2000, 500, 50, 4);
  private static final int JOURNEYS = 50;

  @Test
  void seedsExactlyWhatWasAskedAndMeasuresEveryAlgorithmWithoutErrors() throws Exception {
    assumeTrue(PostgresCluster.available(), "PostgreSQL 15 server binaries are not installed");
    Path jar = Path.of(System.getProperty("certgate.loadgen.server-jar"));
    Path out = Path.of(System.getProperty("certgate.loadgen.work"));
    LoadSettings settings =
        new LoadSettings(PLAN, JOURNEYS, 8, 300, Duration.ofMillis(300), jar, out, 1);

    try (SeededPlatform platform = SeededPlatform.start(jar, out, PLAN, List.of());
        Connection db = platform.postgres().connect()) {
      SeedResult seed = platform.seed();
      assertThat(count(db, "SELECT COUNT(*) FROM users WHERE organization_id IS NOT NULL"))
          .isEqualTo(2000)
          .isEqualTo(seed.users());
      assertThat(
              count(
                  db,
                  "SELECT COUNT(*) FROM users WHERE organization_id = " + seed.bigOrganizationId()))
          .isEqualTo(500);
      assertThat(count(db, "SELECT COUNT(*) FROM ca_bindings")).isEqualTo(2000);
      assertThat(count(db, "SELECT COUNT(DISTINCT fingerprint) FROM ca_bindings")).isEqualTo(2000);
      assertThat(
              count(
                  db,
                  "SELECT COUNT(*) FROM ca_bindings b JOIN users u ON u.id = b.user_id"
                      + " WHERE b.organization_id IS DISTINCT FROM u.organization_id"))
          .as("a binding carries its user's organisation")
          .isZero();
      assertThat(
              count(
                  db,
                  "SELECT COUNT(*) FROM users u WHERE NOT EXISTS"
                      + " (SELECT 1 FROM ca_bindings b WHERE b.user_id = u.id)"
                      + " AND u.organization_id IS NOT NULL"))
          .as("some users are unbound, as in a real listing")
          .isPositive();
      assertThat(
              count(
                  db,
                  "SELECT COUNT(*) FROM pg_indexes WHERE indexname IN ('ix_ca_bindings_user',"
                      + " 'ix_ca_bindings_organization_user', 'ix_users_organization_listing')"))
          .as("the indexes dropped for COPY are built again")
          .isEqualTo(3);
      assertThat(
              count(
                  db,
                  "SELECT COUNT(*) FROM users u WHERE u.binding_count <>"
                      + " (SELECT COUNT(*) FROM ca_bindings b WHERE b.user_id = u.id)"))
          .as("every user's binding_count (V21_2) is its number of bindings")
          .isZero();
      assertThat(seed.realUsers()).containsOnlyKeys(BenchPki.ALGORITHMS);
      seed.realUsers().values().forEach(users -> assertThat(users).hasSize(4));

      LoadGen.Result result = LoadGen.measure(platform, settings, Map.of());

      assertThat(result.errors()).as(result.markdown()).isZero();
      // one warm-up round (every real user, at least 50 journeys) + the peak and half-rate passes
      long logins = 3L * (JOURNEYS + 2 * JOURNEYS);
      assertThat(
              count(
                  db,
                  "SELECT COUNT(*) FROM audit_events WHERE action = 'LOGIN_CA'"
                      + " AND outcome = 'SUCCESS'"))
          .isEqualTo(logins);
      assertFiguresPositive(result.json());
      assertThat(out.resolve("loadgen-report.md")).exists();
      assertThat(Files.readString(out.resolve("loadgen-report.json"))).isEqualTo(result.json());
    }
  }

  private static void assertFiguresPositive(String json) throws Exception {
    JsonObject report = Json.parseObject(json, JsonLimits.DEFAULT);
    assertThat(report.requireLong("errors")).isZero();
    positive(report.requireObject("trivial"));
    List<JsonValue> algorithms = report.requireArray("algorithms").elements();
    assertThat(algorithms).hasSize(3);
    for (JsonValue a : algorithms) {
      JsonObject figures = (JsonObject) a;
      assertThat(TokenAlgorithm.valueOf(figures.requireString("algorithm")))
          .isIn(BenchPki.ALGORITHMS);
      positive(figures);
    }
  }

  private static void positive(JsonObject figures) {
    figures
        .members()
        .forEach(
            (name, value) -> {
              if (value instanceof JsonNumber n && name.startsWith("database")) {
                // PostgreSQL is idle during a trivial request (sessions are in memory)
                assertThat(n.value().signum()).as(name).isNotNegative();
              } else if (value instanceof JsonNumber n) {
                assertThat(n.value().signum()).as(name).isPositive();
              }
            });
  }

  private static long count(Connection db, String sql) throws Exception {
    return Seeder.queryLong(db, sql);
  }
}
