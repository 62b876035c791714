package io.certgate.loadgen;

import io.certgate.core.json.JsonArray;
import io.certgate.core.json.JsonNumber;
import io.certgate.core.json.JsonObject;
import io.certgate.core.json.JsonValue;
import io.certgate.core.token.TokenAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's figures as a Markdown table (printed and written) and as JSON, with the goals of issue
 * 7 judged on the same run's baselines.
 */
final class Report {
  static final double COST_RATIO_GOAL = 2.5;
  static final double ES256_CPU_GOAL_MS = 1.5;
  static final double HALF_RATE_P99_GOAL_MS = 50;

  private final LoadSettings settings;
  private final SeedResult seed;
  private final LoadBenchmark.Outcome outcome;
  private final Map<String, String> environment;

  Report(
      LoadSettings settings,
      SeedResult seed,
      LoadBenchmark.Outcome outcome,
      Map<String, String> environment) {
    this.settings = settings;
    this.seed = seed;
    this.outcome = outcome;
    this.environment = Map.copyOf(environment);
  }

  String markdown() {
    Phase t = outcome.trivial();
    StringBuilder md = new StringBuilder();
    md.append("## CertGate CA login benchmark\n\n");
    environment.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
    md.append(
        String.format(
            Locale.ROOT,
            "- seed: %,d users, %,d bindings, %,d organisations (organisation %d has %,d users,"
                + " admin `%s`), %d real users per algorithm\n",
            seed.users(),
            seed.bindings(),
            seed.organizations(),
            seed.bigOrganizationId(),
            settings.plan().bigOrganizationUsers(),
            seed.bigOrganizationAdmin(),
            settings.plan().realUsersPerAlgorithm()));
    seed.timings().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                md.append(
                    String.format(
                        Locale.ROOT,
                        "- seed step %s: %.1f s\n",
                        e.getKey(),
                        seconds(e.getValue()))));
    md.append(
        String.format(
            Locale.ROOT,
            "- concurrency %d client threads; %,d journeys per algorithm and pass; errors: %d\n\n",
            settings.concurrency(),
            settings.journeys(),
            outcome.errors().count()));
    md.append(
        String.format(
            Locale.ROOT,
            "Trivial request (GET /api/session, logged in): %,d requests, **%.0f/s**, p50 %.2f ms,"
                + " p99 %.2f ms, server CPU **%.3f ms/request**, PostgreSQL CPU %.3f ms/request\n\n",
            t.requests(),
            t.perSecond(),
            t.latencies().percentileMillis(50),
            t.latencies().percentileMillis(99),
            t.cpuMillisPerRequest(),
            t.databaseCpuMillisPerRequest()));
    md.append(
        "| algorithm | logins/s | journey p50 ms | journey p99 ms | server CPU ms/login |"
            + " PostgreSQL CPU ms/login |"
            + " half rate /s | p99 at half rate ms | raw verify /s | raw CPU µs/verify |"
            + " **login ÷ trivial (cost)** | latency p50 ratio | CPU ÷ trivial CPU | CPU ÷ raw verify CPU |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (AlgorithmFigures f : outcome.figures()) {
      Latencies j = f.peak().journeyLatencies();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.2f | %.2f | %.3f | %.3f | %.0f | %.2f | %.0f | %.1f | **%.2f** | %.2f | %.2f | %.1f |\n",
              f.algorithm(),
              f.peak().journeysPerSecond(),
              j.percentileMillis(50),
              j.percentileMillis(99),
              f.peak().cpuMillisPerJourney(),
              f.peak().databaseCpuMillisPerJourney(),
              f.halfRate().journeysPerSecond(),
              f.halfRateP99Millis(),
              f.raw().perSecond(),
              f.raw().cpuMicrosPerVerify(),
              f.costRatio(),
              f.latencyRatio(),
              f.cpuRatioToTrivial(),
              f.cpuRatioToRawVerify()));
    }
    md.append('\n');
    goals().forEach(g -> md.append("- ").append(g).append('\n'));
    if (outcome.errors().count() > 0) {
      md.append("\nERRORS: ").append(outcome.errors().count()).append('\n');
      outcome.errors().examples().forEach(e -> md.append("- ").append(e).append('\n'));
    }
    return md.toString();
  }

  /** Each goal with the measured figure and whether it is met. */
  List<String> goals() {
    List<String> goals = new ArrayList<>();
    for (AlgorithmFigures f : outcome.figures()) {
      goals.add(
          judged(
              f.algorithm() + ": CA login costs " + fmt(f.costRatio()) + "× a trivial request",
              f.costRatio() <= COST_RATIO_GOAL,
              "≤ " + COST_RATIO_GOAL));
      goals.add(
          judged(
              f.algorithm() + ": p99 at half the peak rate " + fmt(f.halfRateP99Millis()) + " ms",
              f.halfRateP99Millis() < HALF_RATE_P99_GOAL_MS,
              "< " + HALF_RATE_P99_GOAL_MS + " ms"));
      if (f.algorithm() == TokenAlgorithm.ES256) {
        goals.add(
            judged(
                "ES256: server CPU " + fmt(f.peak().cpuMillisPerJourney()) + " ms per CA login",
                f.peak().cpuMillisPerJourney() <= ES256_CPU_GOAL_MS,
                "≤ " + ES256_CPU_GOAL_MS + " ms"));
      }
    }
    return goals;
  }

  String json() {
    List<JsonValue> algorithms = new ArrayList<>();
    for (AlgorithmFigures f : outcome.figures()) {
      Latencies j = f.peak().journeyLatencies();
      algorithms.add(
          JsonObject.builder()
              .put("algorithm", f.algorithm().name())
              .put("loginsPerSecond", num(f.peak().journeysPerSecond()))
              .put("journeyP50Ms", num(j.percentileMillis(50)))
              .put("journeyP99Ms", num(j.percentileMillis(99)))
              .put("challengeP50Ms", num(f.peak().challenges().latencies().percentileMillis(50)))
              .put("loginP50Ms", num(f.peak().logins().latencies().percentileMillis(50)))
              .put("serverCpuMsPerLogin", num(f.peak().cpuMillisPerJourney()))
              .put("challengeServerCpuMs", num(f.peak().challenges().cpuMillisPerRequest()))
              .put("loginServerCpuMs", num(f.peak().logins().cpuMillisPerRequest()))
              .put("databaseCpuMsPerLogin", num(f.peak().databaseCpuMillisPerJourney()))
              .put("halfRatePerSecond", num(f.halfRate().journeysPerSecond()))
              .put("halfRateP50Ms", num(f.halfRate().journeyLatencies().percentileMillis(50)))
              .put("halfRateP99Ms", num(f.halfRateP99Millis()))
              .put("rawVerifyPerSecond", num(f.raw().perSecond()))
              .put("rawVerifyCpuMicros", num(f.raw().cpuMicrosPerVerify()))
              .put("costRatioToTrivial", num(f.costRatio()))
              .put("latencyRatioToTrivial", num(f.latencyRatio()))
              .put("cpuRatioToTrivial", num(f.cpuRatioToTrivial()))
              .put("cpuRatioToRawVerify", num(f.cpuRatioToRawVerify()))
              .build());
    }
    Phase t = outcome.trivial();
    JsonObject.Builder env = JsonObject.builder();
    environment.forEach(env::put);
    return JsonObject.builder()
        .put("environment", env.build())
        .put("users", seed.users())
        .put("bindings", seed.bindings())
        .put("organizations", seed.organizations())
        .put("bigOrganizationId", seed.bigOrganizationId())
        .put("concurrency", settings.concurrency())
        .put("journeysPerAlgorithm", settings.journeys())
        .put("errors", outcome.errors().count())
        .put(
            "trivial",
            JsonObject.builder()
                .put("requestsPerSecond", num(t.perSecond()))
                .put("p50Ms", num(t.latencies().percentileMillis(50)))
                .put("p99Ms", num(t.latencies().percentileMillis(99)))
                .put("serverCpuMsPerRequest", num(t.cpuMillisPerRequest()))
                .put("databaseCpuMsPerRequest", num(t.databaseCpuMillisPerRequest()))
                .build())
        .put("algorithms", new JsonArray(algorithms))
        .put("goals", JsonArray.ofStrings(goals()))
        .build()
        .toJson();
  }

  private static String judged(String figure, boolean met, String goal) {
    return figure + " (goal " + goal + "): " + (met ? "met" : "MISSED");
  }

  private static JsonNumber num(double value) {
    return new JsonNumber(BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP));
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  /** Writes a report file, making its folder. */
  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
