package io.certgate.server.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Group commit: callers that append at the same time share one write. The first caller to find no
 * write in progress becomes the writer for everything queued (up to {@code maxBatch}); the others
 * wait until their item's write has ended, then return, or throw the write's failure. So every
 * caller still returns only after its own item is durable, as with one write per item, while N
 * concurrent items cost one write instead of N.
 *
 * <p>No timer and no background thread: a lone caller writes at once, and a batch is only ever what
 * queued up while the previous write ran.
 *
 * @param <T> the item type
 */
final class GroupCommit<T> {
  private final Consumer<List<T>> write;
  private final int maxBatch;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition writeEnded = lock.newCondition();
  private final List<Pending<T>> queue = new ArrayList<>();
  private boolean writing;

  /**
   * @param write writes a batch, in order, all or nothing; it runs on a caller's thread
   * @param maxBatch the most items one write takes
   */
  GroupCommit(Consumer<List<T>> write, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1");
    }
    this.write = write;
    this.maxBatch = maxBatch;
  }

  /** Appends {@code item}, returning once the write that took it has succeeded. */
  void append(T item) {
    Pending<T> mine = new Pending<>(item);
    List<Pending<T>> batch;
    lock.lock();
    try {
      queue.add(mine);
      while (writing && !mine.done) {
        writeEnded.awaitUninterruptibly();
      }
      if (mine.done) {
        mine.rethrow();
        return;
      }
      writing = true;
      int n = Math.min(queue.size(), maxBatch);
      batch = new ArrayList<>(queue.subList(0, n));
      queue.subList(0, n).clear();
    } finally {
      lock.unlock();
    }
    // what the waiters get if the write ends by an Error, which goes on up the writer's own stack
    RuntimeException failure = new IllegalStateException("the batch write did not finish");
    try {
      write.accept(batch.stream().map(p -> p.item).toList());
      failure = null;
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      lock.lock();
      try {
        for (Pending<T> p : batch) {
          p.done = true;
          p.failure = failure;
        }
        writing = false;
        writeEnded.signalAll();
      } finally {
        lock.unlock();
      }
    }
    mine.rethrow();
  }

  /** Items waiting for a write (for tests and metrics). */
  int queued() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  private static final class Pending<T> {
    final T item;
    boolean done;
    @Nullable RuntimeException failure;

    Pending(T item) {
      this.item = item;
    }

    void rethrow() {
      if (failure != null) {
        throw failure;
      }
    }
  }
}
