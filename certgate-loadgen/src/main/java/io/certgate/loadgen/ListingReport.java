package io.certgate.loadgen;

import java.util.Locale;
import java.util.Map;

/** The listing benchmark's figures as markdown: each kind, all together, and the ratios. */
record ListingReport(
    LoadSettings settings,
    SeedResult seed,
    Phase trivial,
    ListingBenchmark.Result listing,
    Errors errors) {

  /** The p95 of every listing request of the run, in milliseconds. */
  double p95Millis() {
    return listing.all().latencies().percentileMillis(95);
  }

  boolean goalMet() {
    return p95Millis() < ListingBenchmark.P95_GOAL_MS && errors.count() == 0;
  }

  String markdown(String loadAtStart, String loadAtEnd) {
    Phase all = listing.all();
    ListingBenchmark.Totals t = listing.totals();
    StringBuilder md = new StringBuilder("## CertGate CA用户管理 listing benchmark\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- seed: %,d users, %,d bindings; organisation %d: %,d users (%,d bound, %,d unbound),"
                + " %,d bindings; as its administrator `%s`\n",
            seed.users(),
            seed.bindings(),
            seed.bigOrganizationId(),
            t.users(),
            t.bound(),
            t.unbound(),
            t.bindings(),
            seed.bigOrganizationAdmin()));
    md.append(
        String.format(
            Locale.ROOT,
            "- concurrency %d client threads, page size %d; cpus %d; load average %s at start, %s"
                + " at end; errors: %d\n\n",
            settings.concurrency(),
            ListingBenchmark.PAGE_SIZE,
            Runtime.getRuntime().availableProcessors(),
            loadAtStart,
            loadAtEnd,
            errors.count()));
    md.append(
        "| requests | count | /s | p50 ms | p95 ms | p99 ms | server CPU ms/request |"
            + " PostgreSQL CPU ms/request |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    row(md, "trivial (GET /api/session), same run", trivial, trivial.latencies());
    row(md, "**listing, all kinds**", all, all.latencies());
    for (Map.Entry<ListingBenchmark.Kind, Latencies> e : listing.byKind().entrySet()) {
      Latencies l = e.getValue();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | | %.2f | %.2f | %.2f | | |\n",
              e.getKey().label,
              l.count(),
              l.percentileMillis(50),
              l.percentileMillis(95),
              l.percentileMillis(99)));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "\nRatios to the trivial request of the same run: throughput %.2f, p50 %.2f, p95 %.2f,"
                + " server CPU per request %.2f, server and PostgreSQL CPU per request %.2f.\n\n",
            all.perSecond() / trivial.perSecond(),
            all.latencies().percentileMillis(50) / trivial.latencies().percentileMillis(50),
            p95Millis() / trivial.latencies().percentileMillis(95),
            all.cpuMillisPerRequest() / trivial.cpuMillisPerRequest(),
            (all.cpuMillisPerRequest() + all.databaseCpuMillisPerRequest())
                / (trivial.cpuMillisPerRequest() + trivial.databaseCpuMillisPerRequest())));
    md.append(
        String.format(
            Locale.ROOT,
            "- %s listing p95 %.2f ms (goal < %.0f ms)\n",
            goalMet() ? "MET:" : "NOT MET:",
            p95Millis(),
            ListingBenchmark.P95_GOAL_MS));
    if (errors.count() > 0) {
      md.append("\nERRORS: ").append(errors.count()).append('\n');
      errors.examples().forEach(e -> md.append("- ").append(e).append('\n'));
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String label, Phase p, Latencies l) {
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %,d | %.0f | %.2f | %.2f | %.2f | %.3f | %.3f |\n",
            label,
            p.requests(),
            p.perSecond(),
            l.percentileMillis(50),
            l.percentileMillis(95),
            l.percentileMillis(99),
            p.cpuMillisPerRequest(),
            p.databaseCpuMillisPerRequest()));
  }
}
