package io.certgate.server.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The single-node {@link RateLimiter}: per-key deques of event times in this JVM. */
@Component
final class InMemoryRateLimiter implements RateLimiter {
  /** Past this many keys, expired ones are swept on write so memory stays bounded. */
  private static final int SWEEP_THRESHOLD = 10_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

  InMemoryRateLimiter(Clock clock) {
    this.clock = clock;
  }

  @Override
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

  @Override
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

  @Override
  public void record(String key) {
    Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.instant());
    }
  }

  @Override
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
