package io.certgate.loadgen;

import java.time.Duration;

/**
 * One timed phase: how many requests, the wall time, the server's CPU time over it and each
 * request's latency.
 */
record Phase(int requests, Duration wall, Duration serverCpu, Latencies latencies) {
  double perSecond() {
    return requests / seconds(wall);
  }

  /** Server CPU milliseconds per request. */
  double cpuMillisPerRequest() {
    return serverCpu.toNanos() / 1e6 / requests;
  }

  static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
