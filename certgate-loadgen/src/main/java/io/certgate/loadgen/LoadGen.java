package io.certgate.loadgen;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's command line: seeds, runs, prints the table and writes {@code loadgen-report.md}
 * and {@code loadgen-report.json} to the output folder. Exit status 0 when every request got its
 * expected answer, 1 when any did not (the figures are printed either way), 2 for a usage error.
 *
 * <pre>
 * java -jar certgate-loadgen/target/certgate-loadgen.jar [--users N] [--bindings N]
 *     [--big-org N] [--per-org N] [--real-users N] [--journeys K] [--concurrency C]
 *     [--trivial N] [--raw-seconds S] [--warm-up-rounds N] [--server-jar PATH] [--out DIR]
 * </pre>
 */
public final class LoadGen {
  private LoadGen() {}

  public static void main(String[] args) {
    LoadSettings settings;
    try {
      settings = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: certgate-loadgen [--users N] [--bindings N] [--big-org N] [--per-org N]"
              + " [--real-users N] [--journeys K] [--concurrency C] [--trivial N]"
              + " [--raw-seconds S] [--warm-up-rounds N] [--server-jar PATH] [--out DIR]");
      System.exit(2);
      return;
    }
    Result result = run(settings);
    System.out.println(result.markdown());
    System.out.println("written: " + settings.out().resolve("loadgen-report.md"));
    System.exit(result.errors() == 0 ? 0 : 1);
  }

  /** A finished run: its report text and how many requests failed. */
  public record Result(String markdown, String json, long errors, SeedResult seed) {}

  /** Seeds, measures, writes the report files, and stops everything it started. */
  public static Result run(LoadSettings settings) {
    String loadAtStart = ProcessCpu.loadAverage();
    Instant started = Instant.now();
    try (SeededPlatform platform =
        SeededPlatform.start(settings.serverJar(), settings.out(), settings.plan(), List.of())) {
      Map<String, String> environment = new LinkedHashMap<>();
      environment.put("load average at start", loadAtStart);
      environment.put("seed total", seconds(Duration.between(started, Instant.now())));
      return measure(platform, settings, environment);
    }
  }

  /** Measures on a seeded platform and writes the report files. */
  static Result measure(
      SeededPlatform platform, LoadSettings settings, Map<String, String> environment) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put("date", Instant.now().toString());
    env.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
    env.put("java", System.getProperty("java.version"));
    env.putIfAbsent("load average at start", ProcessCpu.loadAverage());
    Instant measuring = Instant.now();
    LoadBenchmark.Outcome outcome = new LoadBenchmark(platform, settings).run();
    env.put("measurement total", seconds(Duration.between(measuring, Instant.now())));
    env.put("load average at end", ProcessCpu.loadAverage());
    Report report = new Report(settings, platform.seed(), outcome, env);
    String markdown = report.markdown();
    String json = report.json();
    Report.write(settings.out().resolve("loadgen-report.md"), markdown);
    Report.write(settings.out().resolve("loadgen-report.json"), json);
    return new Result(markdown, json, outcome.errors().count(), platform.seed());
  }

  static LoadSettings parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value pairs, got: " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    SeedPlan full = SeedPlan.FULL;
    SeedPlan plan =
        new SeedPlan(
            number(options.remove("users"), full.users()),
            number(options.remove("bindings"), full.bindings()),
            number(options.remove("big-org"), full.bigOrganizationUsers()),
            number(options.remove("per-org"), full.usersPerOrganization()),
            number(options.remove("real-users"), full.realUsersPerAlgorithm()));
    LoadSettings settings =
        new LoadSettings(
            plan,
            number(options.remove("journeys"), 6000),
            number(options.remove("concurrency"), 16),
            number(options.remove("trivial"), 20000),
            Duration.ofSeconds(number(options.remove("raw-seconds"), 3)),
            Path.of(
                options.getOrDefault("server-jar", "certgate-server/target/certgate-server.jar")),
            Path.of(options.getOrDefault("out", "certgate-loadgen/target/loadgen")),
            number(options.remove("warm-up-rounds"), LoadSettings.DEFAULT_WARM_UP_ROUNDS));
    options.remove("server-jar");
    options.remove("out");
    if (!options.isEmpty()) {
      throw new IllegalArgumentException("unknown options: " + options.keySet());
    }
    return settings;
  }

  private static int number(String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: " + text);
    }
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
