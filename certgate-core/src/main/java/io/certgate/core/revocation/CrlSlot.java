package io.certgate.core.revocation;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** The current CRL from one URL. Written by the refresh thread, read by validating threads. */
final class CrlSlot {
  private final URI url;
  private final CompletableFuture<Void> firstLoad = new CompletableFuture<>();
  private volatile Optional<CrlLoader.Loaded> current = Optional.empty();
  private volatile Optional<ScheduledFuture<?>> next = Optional.empty();
  private volatile Optional<Instant> loadedAt = Optional.empty();
  private final AtomicInteger failures = new AtomicInteger();

  CrlSlot(URI url) {
    this.url = url;
  }

  URI url() {
    return url;
  }

  /** Completes after the first download attempt, successful or not. */
  CompletableFuture<Void> firstLoad() {
    return firstLoad;
  }

  /** The CRL held here, if it is current at {@code now}. */
  Optional<Crl> current(Instant now) {
    return current.map(CrlLoader.Loaded::crl).filter(crl -> crl.currentAt(now));
  }

  /** What this slot holds now, for monitoring. */
  CrlState state() {
    Optional<Crl> crl = current.map(CrlLoader.Loaded::crl);
    return new CrlState(
        url, crl.map(Crl::thisUpdate), crl.flatMap(Crl::nextUpdate), loadedAt, failures.get());
  }

  Optional<Held> held() {
    return current.map(c -> new Held(c, loadedAt));
  }

  /** A CRL and when it was installed, as handed from a replaced store to its successor. */
  record Held(CrlLoader.Loaded loaded, Optional<Instant> loadedAt) {}

  /** Starts from a predecessor's CRL; only this slot's own first download completes firstLoad. */
  synchronized void inherit(Held held) {
    current = Optional.of(held.loaded());
    loadedAt = held.loadedAt();
  }

  synchronized void install(CrlLoader.Loaded loaded, Instant now)
      throws CrlLoader.RejectedCrlException {
    Optional<CrlLoader.Loaded> old = current;
    if (old.isPresent() && loaded.crl().thisUpdate().isBefore(old.get().crl().thisUpdate())) {
      // A replayed older CRL could hide a revocation published since.
      throw new CrlLoader.RejectedCrlException("older than the CRL already held");
    }
    current = Optional.of(loaded);
    loadedAt = Optional.of(now);
    failures.set(0);
    firstLoad.complete(null);
  }

  void failed() {
    failures.incrementAndGet();
    firstLoad.complete(null);
  }

  void schedule(ScheduledFuture<?> future) {
    next = Optional.of(future);
  }

  void cancel() {
    next.ifPresent(f -> f.cancel(false));
    firstLoad.complete(null);
  }
}
