package io.certgate.loadgen;

import java.time.Duration;

/**
 * One timed phase: how many requests, the wall time, the CPU time of the server process and of
 * PostgreSQL (postmaster and backends) over it, and each request's latency.
 */
record Phase(
    int requests, Duration wall, Duration serverCpu, Duration databaseCpu, Latencies latencies) {
  double perSecond() {
    return requests / seconds(wall);
  }

  /** Server CPU milliseconds per request. */
  double cpuMillisPerRequest() {
    return serverCpu.toNanos() / 1e6 / requests;
  }

  /** PostgreSQL CPU milliseconds per request. */
  double databaseCpuMillisPerRequest() {
    return databaseCpu.toNanos() / 1e6 / requests;
  }

  static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
