package io.certgate.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs {@code count} numbered tasks on a fixed number of threads (the benchmark's concurrency),
 * each thread taking the next number when it is free; optionally paced so that task {@code i}
 * starts no earlier than {@code i / rate} seconds after the start (a steady offered rate below the
 * peak).
 */
final class Workers {
  private Workers() {}

  /** Runs the tasks and returns the wall time from the first start to the last end. */
  static Duration run(int count, int threads, Optional<Double> ratePerSecond, IntConsumer task) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> pool = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = next.getAndIncrement();
                    i < count && failure.get() == null;
                    i = next.getAndIncrement()) {
                  if (ratePerSecond.isPresent()) {
                    long due = start + (long) (i * 1e9 / ratePerSecond.get());
                    for (long wait = due - System.nanoTime();
                        wait > 0;
                        wait = due - System.nanoTime()) {
                      LockSupport.parkNanos(wait);
                    }
                  }
                  try {
                    task.accept(i);
                  } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                  }
                }
              },
              "loadgen-" + t);
      pool.add(thread);
      thread.start();
    }
    for (Thread thread : pool) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    if (failure.get() != null) {
      throw new IllegalStateException(
          "a request failed: " + failure.get().getMessage(), failure.get());
    }
    return wall;
  }
}
