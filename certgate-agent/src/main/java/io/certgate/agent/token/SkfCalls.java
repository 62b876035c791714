package io.certgate.agent.token;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Runs the work on one SKF library one piece at a time, on a thread of its own, and gives up
 * waiting after a timeout.
 *
 * <p>Vendor libraries are rarely safe to call from several threads, so each has a single thread. A
 * native call cannot be interrupted: when one does not return in time the request fails, the thread
 * stays blocked in the library, and later work fails at once (no queue builds up behind a hung key)
 * until that call returns.
 */
final class SkfCalls {
  /** A piece of work on the library, run on its thread. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws Exception;
  }

  private final String library;
  private final Duration timeout;
  private final ExecutorService thread;
  private @Nullable Future<?> running;

  SkfCalls(String library, Duration timeout) {
    this.library = library;
    this.timeout = timeout;
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "skf " + library);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Runs the work and returns its result, or throws what it threw. Exceptions other than {@link
   * AgentException} are rethrown wrapped in {@link ExecutionException}.
   *
   * @throws AgentException {@code INTERNAL} when the library did not answer within the timeout, or
   *     is still busy with a call that did not
   */
  synchronized <T> T run(Work<T> work) throws AgentException, ExecutionException {
    checkNotBlocked();
    Callable<T> task = work::run;
    Future<T> future = thread.submit(task);
    running = future;
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AgentException(
          AgentError.INTERNAL,
          stuckMessage("did not answer within " + timeout.toSeconds() + " s"),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AgentException(AgentError.INTERNAL, "interrupted while waiting for the key", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AgentException a) {
        throw a;
      }
      throw e;
    }
  }

  /** Refuses while a call that timed out has not returned. */
  synchronized void checkNotBlocked() throws AgentException {
    if (busy()) {
      throw new AgentException(AgentError.INTERNAL, stuckMessage("is still blocked in a call"));
    }
  }

  /** Whether a call is still running (it timed out and has not returned yet). */
  synchronized boolean busy() {
    return running != null && !running.isDone();
  }

  private String stuckMessage(String what) {
    return "the SKF library " + library + " " + what + "; unplug and re-insert the key";
  }
}
