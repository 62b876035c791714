package io.certgate.loadgen;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A benchmark run's settings.
 *
 * @param plan what to seed
 * @param journeys CA login journeys per algorithm and pass
 * @param concurrency client threads
 * @param trivialRequests trivial requests in the baseline
 * @param rawVerifyTime how long each raw-verification baseline runs
 * @param serverJar the packaged server
 * @param out where the report files and the server's log go
 */
public record LoadSettings(
    SeedPlan plan,
    int journeys,
    int concurrency,
    int trivialRequests,
    Duration rawVerifyTime,
    Path serverJar,
    Path out) {

  public LoadSettings {
    if (journeys < 1 || concurrency < 1 || trivialRequests < 1) {
      throw new IllegalArgumentException("journeys, concurrency and trivial requests must be >= 1");
    }
  }
}
