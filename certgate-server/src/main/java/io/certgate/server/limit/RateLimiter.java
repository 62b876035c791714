package io.certgate.server.limit;

import java.time.Duration;

/**
 * Sliding-window counters: "at most N events per window for this key". Keys name both the rule and
 * the subject (e.g. {@code "login-ip:203.0.113.9"}), so rules never share counts by accident. One
 * node keeps them in memory; in cluster mode they live in Redis, so a limit holds across all nodes
 * behind the load balancer.
 */
public interface RateLimiter {

  /**
   * Records an event for the key if fewer than {@code max} happened within the window.
   *
   * @return false (and records nothing) when the limit is reached
   */
  boolean tryAcquire(String key, int max, Duration window);

  /** Whether the limit is reached for the key, without recording anything. */
  boolean isExhausted(String key, int max, Duration window);

  /** Records an event without checking a limit (for counting failures). */
  void record(String key);

  /** How many events for the key fall within the window. */
  int count(String key, Duration window);
}
