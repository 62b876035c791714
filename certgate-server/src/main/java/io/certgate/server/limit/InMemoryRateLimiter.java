package io.certgate.server.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
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
  public boolean tryAcquireAll(List<Limit> limits) {
    List<Limit> sorted = limits.stream().sorted(Comparator.comparing(Limit::key)).toList();
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).key().equals(sorted.get(i - 1).key())) {
        throw new IllegalArgumentException("one limit per key: " + sorted.get(i).key());
      }
    }
    Instant now = clock.instant();
    sorted.forEach(l -> sweepIfLarge(now, l.window()));
    return underAllLocks(sorted, 0, now);
  }

  /**
   * Takes the keys' locks one after the other, always in key order (so two callers can never wait
   * for each other), then checks every limit and records only if all pass.
   */
  private boolean underAllLocks(List<Limit> sorted, int i, Instant now) {
    if (i < sorted.size()) {
      Deque<Instant> times = events.computeIfAbsent(sorted.get(i).key(), k -> new ArrayDeque<>());
      synchronized (times) {
        return underAllLocks(sorted, i + 1, now);
      }
    }
    List<Deque<Instant>> all = sorted.stream().map(l -> events.get(l.key())).toList();
    for (int k = 0; k < sorted.size(); k++) {
      prune(all.get(k), now.minus(sorted.get(k).window()));
      if (all.get(k).size() >= sorted.get(k).max()) {
        return false;
      }
    }
    all.forEach(times -> times.addLast(now));
    return true;
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
