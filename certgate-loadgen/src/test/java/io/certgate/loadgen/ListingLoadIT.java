package io.certgate.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The listing scenario at a tiny scale on a real PostgreSQL and the packaged server: every request
 * of the mix gets its expected answer (status, total as counted before, a non-empty page), every
 * kind is measured, and the report carries the same-run trivial baseline and the ratios.
 */
class ListingLoadIT {
  private static final SeedPlan PLAN = new SeedPlan(1500, 1500, 600, 50, 2);

  @Test
  void everyKindOfListingRequestIsAnsweredAndMeasured() throws Exception {
    assumeTrue(PostgresCluster.available(), "PostgreSQL 15 server binaries are not installed");
    Path jar = Path.of(System.getProperty("certgate.loadgen.server-jar"));
    Path out = Path.of(System.getProperty("certgate.loadgen.work")).resolve("listing");
    LoadSettings settings = new LoadSettings(PLAN, 10, 3, 200, Duration.ofMillis(100), jar, out);

    try (SeededPlatform platform = SeededPlatform.start(jar, out, PLAN, List.of())) {
      ListingBenchmark.prepare(platform.postgres());
      Errors errors = new Errors();
      ListingReport report = ListingLoad.measure(platform, settings, 160, errors);

      assertThat(errors.count()).as(errors.examples().toString()).isZero();
      ListingBenchmark.Totals totals = report.listing().totals();
      assertThat(totals.users()).isEqualTo(600);
      assertThat(totals.bound() + totals.unbound()).isEqualTo(600);
      assertThat(totals.bindings()).isGreaterThanOrEqualTo(totals.bound());
      assertThat(report.listing().byKind()).hasSize(ListingBenchmark.Kind.values().length);
      report.listing().byKind().values().forEach(l -> assertThat(l.count()).isPositive());
      assertThat(report.listing().all().requests()).isEqualTo(160);
      assertThat(report.p95Millis()).isPositive();
      assertThat(report.markdown("-", "-"))
          .contains("trivial (GET /api/session), same run", "users, 用户名称 filter", "Ratios");
    }
  }
}
