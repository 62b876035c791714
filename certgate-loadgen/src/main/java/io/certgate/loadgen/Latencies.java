package io.certgate.loadgen;

import java.util.Arrays;

/** Latencies in nanoseconds, one slot per request, and their percentiles. */
final class Latencies {
  private final long[] nanos;

  Latencies(int count) {
    this.nanos = new long[count];
  }

  /** Records request {@code i}'s latency (each slot is written by one thread only). */
  void set(int i, long value) {
    nanos[i] = value;
  }

  long get(int i) {
    return nanos[i];
  }

  int count() {
    return nanos.length;
  }

  /** Element-wise sum: a journey's latency is its challenge's plus its login's. */
  Latencies plus(Latencies other) {
    Latencies sum = new Latencies(nanos.length);
    for (int i = 0; i < nanos.length; i++) {
      sum.nanos[i] = nanos[i] + other.nanos[i];
    }
    return sum;
  }

  /** The {@code p}-th percentile (nearest rank), in milliseconds. */
  double percentileMillis(double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }
}
