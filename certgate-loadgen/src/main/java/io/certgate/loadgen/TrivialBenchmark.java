package io.certgate.loadgen;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The framework's limit, measured the same way as the CA login: {@code GET /api/session} of a
 * logged-in session (session lookup, security filter chain, a small JSON answer) at the same
 * concurrency, each thread with a session of its own.
 */
final class TrivialBenchmark {
  private final SeededPlatform platform;
  private final int threads;

  TrivialBenchmark(SeededPlatform platform, int threads) {
    this.platform = platform;
    this.threads = threads;
  }

  /** Runs {@code count} requests; every answer must be 200 with the session's user. */
  Phase run(int count, Errors errors) {
    ConcurrentLinkedQueue<WebSession> sessions = new ConcurrentLinkedQueue<>();
    for (int t = 0; t < threads; t++) {
      sessions.add(platform.login(BulkUsers.username(t)));
    }
    Latencies latencies = new Latencies(count);
    long cpuBefore = platform.server().cpuTime().toNanos();
    long databaseBefore = platform.postgres().cpuTime().toNanos();
    Duration wall =
        Workers.run(
            count,
            threads,
            java.util.Optional.empty(),
            i -> {
              WebSession session = java.util.Objects.requireNonNull(sessions.poll());
              long start = System.nanoTime();
              try {
                WebSession.Response r = session.get("/api/session");
                if (r.status() != 200 || !r.body().contains("\"username\":\"lg")) {
                  errors.add("session " + r.status() + " " + r.body());
                }
              } catch (RuntimeException e) {
                errors.add(e.toString());
              } finally {
                latencies.set(i, System.nanoTime() - start);
                sessions.add(session);
              }
            });
    Duration cpu = Duration.ofNanos(platform.server().cpuTime().toNanos() - cpuBefore);
    Duration database = Duration.ofNanos(platform.postgres().cpuTime().toNanos() - databaseBefore);
    return new Phase(count, wall, cpu, database, latencies);
  }
}
