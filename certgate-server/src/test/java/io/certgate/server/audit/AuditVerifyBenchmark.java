package io.certgate.server.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What a page view of the audit log costs as the table grows: the recent verification (from the
 * latest sealed checkpoint) and the first page of the listing, at 10 thousand rows and at larger
 * sizes, against the full walk as the same-run contrast. Sizes a little past a multiple of the
 * checkpoint interval (…500) give every size the same 500 rows after its latest checkpoint. Prints
 * medians and ratios to the 10k figure. Not part of the build; run by hand:
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat cp.txt)" \
 *     io.certgate.server.audit.AuditVerifyBenchmark 10500 100500 1000500
 * </pre>
 */
public final class AuditVerifyBenchmark {
  private AuditVerifyBenchmark() {}

  public static void main(String[] args) {
    long[] sizes =
        args.length == 0
            ? new long[] {10_500, 1_000_500}
            : Arrays.stream(args).mapToLong(Long::parseLong).toArray();
    AuditChains db = AuditChains.h2("bench");
    AuditKey key = AuditChains.newKey(AuditKey.Algorithm.HMAC_SM3);
    AuditKeys keys = new AuditKeys(key, List.of());
    AuditLog log = db.log(keys, 1000);
    AuditVerifier verifier = db.verifier(log, keys);
    AuditLog.Filter none = new AuditLog.Filter("", "", "", null, null);
    long written = 0;
    double baseRecent = 0;
    double basePage = 0;
    double baseAll = 0;
    System.out.println(
        "rows        recent-verify ms (x10k)  page-1 ms (x10k)  full-walk ms (x10k)");
    for (long size : sizes) {
      long started = System.nanoTime();
      db.fill(log, size - written);
      written = size;
      System.err.printf("filled %d rows in %.1f s%n", size, (System.nanoTime() - started) / 1e9);
      if (baseRecent == 0) {
        // warm the JIT on the first size, so that its figures are not the cold ones
        median(() -> verifier.verifyRecent().valid(), 2000);
        median(() -> log.search(none, 1, 20).items().size() == 20, 2000);
      }
      System.gc(); // the fill's garbage is not the view's cost
      double recent = median(() -> verifier.verifyRecent().valid(), 500);
      double page = median(() -> log.search(none, 1, 20).items().size() == 20, 500);
      double all = median(() -> verifier.verifyAll().valid(), size > 100_000 ? 1 : 5);
      if (baseRecent == 0) {
        baseRecent = recent;
        basePage = page;
        baseAll = all;
      }
      System.out.printf(
          Locale.ROOT,
          "%-10d  %8.3f (%.2fx)        %8.3f (%.2fx)   %10.1f (%.1fx)%n",
          size,
          recent,
          recent / baseRecent,
          page,
          page / basePage,
          all,
          all / baseAll);
    }
  }

  /** Median wall time in ms of {@code runs} calls after as many warm-up calls. */
  private static double median(Supplier<Boolean> call, int runs) {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs * 2; i++) {
      long t = System.nanoTime();
      if (!call.get()) {
        throw new IllegalStateException("verification failed");
      }
      if (i >= runs) {
        times.add((System.nanoTime() - t) / 1e6);
      }
    }
    times.sort(Double::compare);
    return times.get(times.size() / 2);
  }
}
