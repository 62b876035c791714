package io.certgate.server.limit;

import java.time.Duration;
import java.util.List;

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

  /** One limit: at most {@code max} events per {@code window} for {@code key}. */
  record Limit(String key, int max, Duration window) {}

  /**
   * Records one event under each of the limits if none of them is reached, else records nothing;
   * atomically, so that concurrent callers (threads or nodes) cannot together pass any of them.
   *
   * @param limits limits with distinct keys
   * @return false (and records nothing) when any limit is reached
   */
  boolean tryAcquireAll(List<Limit> limits);

  /** Whether the limit is reached for the key, without recording anything. */
  boolean isExhausted(String key, int max, Duration window);

  /** Records an event without checking a limit (for counting failures). */
  void record(String key);

  /** How many events for the key fall within the window. */
  int count(String key, Duration window);
}
