package io.certgate.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<List<String>> writes = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);
  private final CountDownLatch firstWriteStarted = new CountDownLatch(1);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** Records each batch; the first one waits for the test to let it end. */
  private Consumer<List<String>> recording(Consumer<List<String>> then) {
    return batch -> {
      writes.add(List.copyOf(batch));
      if (writes.size() == 1) {
        firstWriteStarted.countDown();
        await(firstWriteMayEnd);
      }
      then.accept(batch);
    };
  }

  private Future<?> append(GroupCommit<String> commits, String item) {
    return pool.submit(() -> commits.append(item));
  }

  /** Holds the first write open and queues {@code items} behind it. */
  private List<Future<?>> queueBehindAWrite(GroupCommit<String> commits, String... items)
      throws Exception {
    List<Future<?>> calls = new ArrayList<>();
    calls.add(append(commits, "first"));
    assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
    for (String item : items) {
      calls.add(append(commits, item));
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (commits.queued() < items.length && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(commits.queued()).isEqualTo(items.length);
    return calls;
  }

  @Test
  void aLoneAppendIsWrittenAtOnceAsABatchOfOne() {
    GroupCommit<String> commits = new GroupCommit<>(writes::add, 64);
    commits.append("a");
    commits.append("b");
    assertThat(writes).containsExactly(List.of("a"), List.of("b"));
  }

  @Test
  void appendsQueuedDuringAWriteShareTheNextWriteAndEachReturnsAfterIt() throws Exception {
    GroupCommit<String> commits = new GroupCommit<>(recording(b -> {}), 64);
    List<Future<?>> calls = queueBehindAWrite(commits, "b", "c", "d", "e");
    assertThat(calls).noneMatch(Future::isDone);
    firstWriteMayEnd.countDown();
    for (Future<?> call : calls) {
      call.get(10, TimeUnit.SECONDS);
    }
    assertThat(writes).hasSize(2);
    assertThat(writes.get(0)).containsExactly("first");
    assertThat(writes.get(1)).containsExactlyInAnyOrder("b", "c", "d", "e");
  }

  @Test
  void aBatchTakesAtMostMaxBatchItemsInTheOrderTheyQueued() throws Exception {
    GroupCommit<String> commits = new GroupCommit<>(recording(b -> {}), 2);
    List<Future<?>> calls = new ArrayList<>(List.of(append(commits, "first")));
    assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
    for (String item : List.of("b", "c", "d")) {
      // one at a time, so the queue's order is known
      calls.add(append(commits, item));
      int expected = calls.size() - 1;
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (commits.queued() < expected && System.nanoTime() < until) {
        Thread.sleep(5);
      }
    }
    firstWriteMayEnd.countDown();
    for (Future<?> call : calls) {
      call.get(10, TimeUnit.SECONDS);
    }
    assertThat(writes).containsExactly(List.of("first"), List.of("b", "c"), List.of("d"));
  }

  @Test
  void aFailedWriteFailsEveryAppendInItAndTheNextWriteStillRuns() throws Exception {
    IllegalStateException down = new IllegalStateException("database down");
    GroupCommit<String> commits =
        new GroupCommit<>(
            recording(
                batch -> {
                  if (batch.contains("b")) {
                    throw down;
                  }
                }),
            64);
    List<Future<?>> calls = queueBehindAWrite(commits, "b", "c");
    firstWriteMayEnd.countDown();
    calls.get(0).get(10, TimeUnit.SECONDS);
    for (Future<?> failed : calls.subList(1, 3)) {
      assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasCause(down);
    }
    commits.append("d");
    assertThat(writes.get(writes.size() - 1)).containsExactly("d");
  }

  @Test
  void anErrorInTheWriterFailsTheWaitersInsteadOfReportingSuccess() throws Exception {
    GroupCommit<String> commits =
        new GroupCommit<>(
            recording(
                batch -> {
                  if (batch.contains("b")) {
                    throw new AssertionError("writer broke");
                  }
                }),
            64);
    List<Future<?>> calls = queueBehindAWrite(commits, "b", "c");
    firstWriteMayEnd.countDown();
    List<Throwable> outcomes = new ArrayList<>();
    for (Future<?> call : calls.subList(1, 3)) {
      try {
        call.get(10, TimeUnit.SECONDS);
        outcomes.add(null);
      } catch (java.util.concurrent.ExecutionException e) {
        outcomes.add(e.getCause());
      }
    }
    // the writer of b and c gets the Error itself, the other one an IllegalStateException
    assertThat(outcomes).allMatch(t -> t != null);
    assertThat(outcomes).anyMatch(AssertionError.class::isInstance);
    assertThat(outcomes).anyMatch(IllegalStateException.class::isInstance);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
