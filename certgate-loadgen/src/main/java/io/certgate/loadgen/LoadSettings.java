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
 * @param maxWarmUpRounds warm-up rounds at most (fewer once the server's JIT has settled)
 */
public record LoadSettings(
    SeedPlan plan,
    int journeys,
    int concurrency,
    int trivialRequests,
    Duration rawVerifyTime,
    Path serverJar,
    Path out,
    int maxWarmUpRounds) {

  /** Warm-up rounds at most, unless given. */
  public static final int DEFAULT_WARM_UP_ROUNDS = 10;

  public LoadSettings {
    if (journeys < 1 || concurrency < 1 || trivialRequests < 1 || maxWarmUpRounds < 1) {
      throw new IllegalArgumentException(
          "journeys, concurrency, trivial requests and warm-up rounds must be >= 1");
    }
  }

  public LoadSettings(
      SeedPlan plan,
      int journeys,
      int concurrency,
      int trivialRequests,
      Duration rawVerifyTime,
      Path serverJar,
      Path out) {
    this(
        plan,
        journeys,
        concurrency,
        trivialRequests,
        rawVerifyTime,
        serverJar,
        out,
        DEFAULT_WARM_UP_ROUNDS);
  }
}
