package io.certgate.loadgen;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The listing benchmark's command line: seeds as {@link LoadGen} does (same options), then measures
 * the trivial request and the CA用户管理 listing ({@link ListingBenchmark}) back to back at each
 * concurrency of {@code --levels} (default {@code --concurrency}) on one seed, prints the table and
 * writes {@code listing-report.md} to the output folder. Exit status 0 when every request got its
 * expected answer, 1 when any did not, 2 for a usage error.
 *
 * <pre>
 * java -cp certgate-loadgen/target/certgate-loadgen.jar io.certgate.loadgen.ListingLoad
 *     [--requests N] [--levels C1,C2,…] [--trivial N] [seed options of LoadGen] [--out DIR]
 * </pre>
 */
public final class ListingLoad {
  private ListingLoad() {}

  public static void main(String[] args) {
    List<String> rest = new ArrayList<>();
    int requests = 4000;
    List<Integer> levels = new ArrayList<>();
    LoadSettings settings;
    try {
      for (int i = 0; i < args.length; i++) {
        if ("--requests".equals(args[i]) && i + 1 < args.length) {
          requests = Integer.parseInt(args[++i].replace("_", ""));
        } else if ("--levels".equals(args[i]) && i + 1 < args.length) {
          for (String level : args[++i].split(",")) {
            levels.add(Integer.parseInt(level.strip()));
          }
        } else {
          rest.add(args[i]);
        }
      }
      if (!rest.contains("--out")) {
        rest.addAll(List.of("--out", "certgate-loadgen/target/listing"));
      }
      settings = LoadGen.parse(rest.toArray(String[]::new));
      if (levels.isEmpty()) {
        levels.add(settings.concurrency());
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    StringBuilder markdown = new StringBuilder();
    long errors;
    try (SeededPlatform platform =
        SeededPlatform.start(settings.serverJar(), settings.out(), settings.plan(), List.of())) {
      ListingBenchmark.prepare(platform.postgres());
      errors = 0;
      for (int level : levels) {
        LoadSettings at =
            new LoadSettings(
                settings.plan(),
                settings.journeys(),
                level,
                settings.trivialRequests(),
                settings.rawVerifyTime(),
                settings.serverJar(),
                settings.out());
        Errors e = new Errors();
        String load = ProcessCpu.loadAverage();
        ListingReport report = measure(platform, at, requests, e);
        markdown.append(report.markdown(load, ProcessCpu.loadAverage())).append('\n');
        errors += e.count();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    System.out.println(markdown);
    Report.write(settings.out().resolve("listing-report.md"), markdown.toString());
    System.out.println("written: " + settings.out().resolve("listing-report.md"));
    System.exit(errors == 0 ? 0 : 1);
  }

  /** Warm-up, then the trivial baseline and the listing, back to back at one concurrency. */
  static ListingReport measure(
      SeededPlatform platform, LoadSettings settings, int requests, Errors errors) {
    int threads = settings.concurrency();
    TrivialBenchmark trivial = new TrivialBenchmark(platform, threads);
    ListingBenchmark listing =
        new ListingBenchmark(platform, threads, settings.plan().bigOrganizationUsers());
    // warm-up: JIT of both request paths, connection pools, PostgreSQL's buffers
    trivial.run(Math.min(settings.trivialRequests(), 10_000), errors);
    listing.run(Math.min(requests, 1600), 1, errors);
    Phase baseline = trivial.run(settings.trivialRequests(), errors);
    ListingBenchmark.Result result = listing.run(requests, Instant.now().toEpochMilli(), errors);
    return new ListingReport(settings, platform.seed(), baseline, result, errors);
  }
}
