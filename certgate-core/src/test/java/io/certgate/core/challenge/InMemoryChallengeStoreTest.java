package io.certgate.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class InMemoryChallengeStoreTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
  private final ChallengeGenerator generator =
      ChallengeGenerator.builder().random(new SecureRandom()).clock(clock).build();

  @Test
  void takeReturnsAChallengeOnceOnly() {
    InMemoryChallengeStore store = InMemoryChallengeStore.create(clock);
    Challenge c = generator.login("s");
    store.save(c);

    assertThat(store.take(c.id())).contains(c);
    assertThat(store.take(c.id())).isEmpty();
    assertThat(store.take("never-issued")).isEmpty();
  }

  @Test
  void eachChallengeIsTakenExactlyOnceByEightConcurrentThreads() throws Exception {
    int challenges = 10_000;
    int threads = 8;
    InMemoryChallengeStore store = InMemoryChallengeStore.create(clock);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < challenges; i++) {
      Challenge c = generator.login("s");
      store.save(c);
      ids.add(c.id());
    }
    AtomicIntegerArray takenBy = new AtomicIntegerArray(challenges);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> successes = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < challenges; i++) {
        order.add(i);
      }
      Collections.shuffle(order, new Random(t));
      successes.add(
          pool.submit(
              () -> {
                start.await();
                int won = 0;
                for (int i : order) {
                  if (store.take(ids.get(i)).isPresent()) {
                    takenBy.incrementAndGet(i);
                    won++;
                  }
                }
                return won;
              }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> f : successes) {
      total += f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(total).isEqualTo(challenges);
    for (int i = 0; i < challenges; i++) {
      assertThat(takenBy.get(i)).as("challenge %d", i).isEqualTo(1);
    }
    assertThat(store.size()).isZero();
  }

  @Test
  void expiredChallengeIsStillReturnedDuringTheGracePeriod() {
    InMemoryChallengeStore store = InMemoryChallengeStore.create(clock);
    Challenge c = generator.login("s");
    store.save(c);
    clock.advance(Duration.ofMinutes(6));
    store.save(generator.login("other"));

    assertThat(store.take(c.id())).contains(c);
  }

  @Test
  void expiredChallengesArePurgedAfterTheGracePeriod() {
    InMemoryChallengeStore store = InMemoryChallengeStore.create(clock);
    Challenge old = generator.login("s");
    store.save(old);
    clock.advance(Duration.ofMinutes(11));
    Challenge fresh = generator.login("s");
    store.save(fresh);

    assertThat(store.size()).isEqualTo(1);
    assertThat(store.take(old.id())).isEmpty();
    assertThat(store.take(fresh.id())).contains(fresh);
  }

  @Test
  void staysWithinCapacityByDroppingTheOldest() {
    InMemoryChallengeStore store = InMemoryChallengeStore.create(clock, 3, Duration.ZERO);
    List<Challenge> saved = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Challenge c = generator.login("s" + i);
      store.save(c);
      saved.add(c);
    }

    assertThat(store.size()).isEqualTo(3);
    assertThat(store.take(saved.get(0).id())).isEmpty();
    assertThat(store.take(saved.get(1).id())).isEmpty();
    assertThat(store.take(saved.get(4).id())).contains(saved.get(4));
  }
}
