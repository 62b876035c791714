package io.certgate.server.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Sliding-window counters: "at most N events per window for this key". Keys name both the rule and
 * the subject (e.g. {@code "login-ip:203.0.113.9"}), so rules never share counts by accident.
 */
@Component
public final class RateLimiter {
  /** Past this many keys, expired ones are swept on write so memory stays bounded. */
  private static final int SWEEP_THRESHOLD = 10_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

  public RateLimiter(Clock clock) {
    this.clock = clock;
  }

  /**
   * Records an event for the key if fewer than {@code max} happened within the window.
   *
   * @return false (and records nothing) when the limit is reached
   */
  public boolean tryAcquire(String key, int max, Duration window) {
    Instant now = clock.instant();
    sweepIfLarge(now, window);
    Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      prune(times, now.minus(window));
      if (times.size() >= max) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }

  /** Whether the limit is reached for the key, without recording anything. */
  public boolean isExhausted(String key, int max, Duration window) {
    Deque<Instant> times = events.get(key);
    if (times == null) {
      return false;
    }
    synchronized (times) {
      prune(times, clock.instant().minus(window));
      return times.size() >= max;
    }
  }

  /** Records an event without checking a limit (for counting failures). */
  public void record(String key) {
    Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.instant());
    }
  }

  /** How many events for the key fall within the window. */
  public int count(String key, Duration window) {
    Deque<Instant> times = events.get(key);
    if (times == null) {
      return 0;
    }
    synchronized (times) {
      prune(times, clock.instant().minus(window));
      return times.size();
    }
  }

  private static void prune(Deque<Instant> times, Instant oldest) {
    while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
      times.removeFirst();
    }
  }

  private void sweepIfLarge(Instant now, Duration window) {
    if (events.size() < SWEEP_THRESHOLD) {
      return;
    }
    // the longest window in use is a day; anything older than that counts nowhere
    Instant horizon = now.minus(Duration.ofDays(1)).minus(window);
    events
        .values()
        .removeIf(
            times -> {
              synchronized (times) {
                return times.isEmpty() || !times.peekLast().isAfter(horizon);
              }
            });
  }
}
