package io.certgate.server.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {
  private final InMemoryRateLimiter limiter =
      new InMemoryRateLimiter(Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC));

  private static List<RateLimiter.Limit> limits(String mobile, String ip) {
    return List.of(
        new RateLimiter.Limit("m:" + mobile, 3, Duration.ofMinutes(1)),
        new RateLimiter.Limit("ip:" + ip, 5, Duration.ofMinutes(1)));
  }

  @Test
  void recordsUnderEveryLimitOrUnderNone() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquireAll(limits("139", "a"))).isTrue();
    }
    assertThat(limiter.tryAcquireAll(limits("139", "a"))).isFalse();
    // the refused attempt counted nowhere: address a has 3 of 5, so two more mobiles pass
    assertThat(limiter.count("ip:a", Duration.ofMinutes(1))).isEqualTo(3);
    assertThat(limiter.tryAcquireAll(limits("138", "a"))).isTrue();
    assertThat(limiter.tryAcquireAll(limits("137", "a"))).isTrue();
    assertThat(limiter.tryAcquireAll(limits("136", "a"))).isFalse();
    assertThat(limiter.count("m:136", Duration.ofMinutes(1))).isZero();
  }

  @Test
  void parallelCallersCannotPassALimitTogether() throws Exception {
    int threads = 32;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 20; round++) {
        String mobile = "139" + round;
        String ip = "r" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          // half the callers share the mobile, all share the address: the address's 5 is the cap
          String m = t % 2 == 0 ? mobile : mobile + "-" + t;
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return limiter.tryAcquireAll(limits(m, ip));
                  }));
        }
        start.countDown();
        int passed = 0;
        for (Future<Boolean> f : results) {
          passed += f.get() ? 1 : 0;
        }
        assertThat(passed).as("round %d", round).isEqualTo(5);
        assertThat(limiter.count("m:" + mobile, Duration.ofMinutes(1))).isLessThanOrEqualTo(3);
        assertThat(limiter.count("ip:r" + round, Duration.ofMinutes(1))).isEqualTo(5);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
