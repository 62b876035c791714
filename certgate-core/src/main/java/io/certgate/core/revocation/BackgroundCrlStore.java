package io.certgate.core.revocation;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** The {@link CrlStore}: one {@link CrlSlot} per CRL URL, refreshed on a scheduler. */
final class BackgroundCrlStore implements CrlStore {
  private static final System.Logger LOG = System.getLogger(BackgroundCrlStore.class.getName());
  private static final int MAX_DISCOVERED_URLS = 256;

  private final Clock clock;
  private final Fetcher fetcher;
  private final CopyOnWriteArrayList<X509Certificate> issuers;
  private final ConcurrentHashMap<URI, CrlSlot> slots = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final Duration coldWait;
  private final Duration refreshMargin;
  private final Duration retryDelay;
  private final boolean followDistributionPoints;
  private final AtomicLong generation = new AtomicLong();
  private volatile boolean closed;

  private BackgroundCrlStore(CrlStore.Builder b) {
    this.clock = b.clock;
    this.fetcher =
        new Fetcher(
            b.httpClient.orElseGet(() -> Fetcher.defaultClient(b.timeout)),
            b.timeout,
            b.downloadLimit.compareTo(b.timeout) < 0 ? b.timeout : b.downloadLimit,
            b.maxBytes);
    this.issuers = new CopyOnWriteArrayList<>(b.issuers);
    this.ownsScheduler = b.scheduler.isEmpty();
    this.scheduler = b.scheduler.orElseGet(BackgroundCrlStore::daemonScheduler);
    this.coldWait = b.coldWait;
    this.refreshMargin = b.refreshMargin;
    this.retryDelay = b.retryDelay;
    this.followDistributionPoints = b.followDistributionPoints;
  }

  static BackgroundCrlStore start(CrlStore.Builder builder) {
    BackgroundCrlStore store = new BackgroundCrlStore(builder);
    for (URI url : builder.urls) {
      store.register(url, builder.predecessor.flatMap(previous -> held(previous, url)));
    }
    return store;
  }

  static ScheduledExecutorService daemonScheduler() {
    return Executors.newSingleThreadScheduledExecutor(
        task -> {
          Thread thread = new Thread(task, "certgate-crl-refresh");
          thread.setDaemon(true);
          return thread;
        });
  }

  @Override
  public Optional<RevocationStatus> status(X509Certificate certificate, X509Certificate issuer) {
    // A CRL known but not held yet can change any answer the others give (a delta taking a serial
    // off hold, or revoking one its base does not list yet): none is given before its first
    // download ends. A slot started from a replaced store's CRL answers from that meanwhile.
    awaitAll(firstLoadsPending(true));
    Optional<RevocationStatus> status = lookup(certificate);
    if (status.isPresent()) {
      return status;
    }
    // Cold path only: a distribution point not seen yet, or a CRL signed by a CA first seen on
    // this (validated) path.
    boolean learned = issuers.addIfAbsent(issuer);
    List<CompletableFuture<Void>> pending = firstLoadsPending(false);
    if (followDistributionPoints && pending.isEmpty()) {
      for (URI url : DistributionPoints.of(certificate)) {
        if (!slots.containsKey(url) && slots.size() < MAX_DISCOVERED_URLS) {
          pending.add(register(url).firstLoad());
        }
      }
    }
    awaitAll(pending);
    if (learned) {
      // Loads that ran before this CA was known could not verify the CRLs it signed.
      awaitAll(reloadUnheld());
    }
    return lookup(certificate);
  }

  /** First downloads not finished yet, of every slot or only of those that hold nothing. */
  private List<CompletableFuture<Void>> firstLoadsPending(boolean onlyUnheld) {
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    for (CrlSlot slot : slots.values()) {
      if (!slot.firstLoad().isDone() && !(onlyUnheld && slot.held().isPresent())) {
        pending.add(slot.firstLoad());
      }
    }
    return pending;
  }

  private Optional<RevocationStatus> lookup(X509Certificate certificate) {
    Instant now = clock.instant();
    List<CrlCoverage.Held> held = new ArrayList<>();
    for (CrlSlot slot : slots.values()) {
      slot.current(now).ifPresent(crl -> held.add(new CrlCoverage.Held(crl, slot.url())));
    }
    return CrlCoverage.status(held, certificate);
  }

  /** Loads again, on the scheduler, every CRL for which nothing is held. */
  private List<CompletableFuture<Void>> reloadUnheld() {
    List<CompletableFuture<Void>> reloads = new ArrayList<>();
    for (CrlSlot slot : slots.values()) {
      if (slot.held().isEmpty()) {
        reloads.add(CompletableFuture.runAsync(() -> load(slot), scheduler));
      }
    }
    return reloads;
  }

  private void awaitAll(List<CompletableFuture<Void>> pending) {
    if (pending.isEmpty()) {
      return;
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
          .get(coldWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      LOG.log(Level.DEBUG, "CRL not loaded within the cold wait", e);
    }
  }

  /** The CRL a replaced store holds for {@code url}, if any. */
  private static Optional<CrlSlot.Held> held(CrlStore previous, URI url) {
    return previous instanceof BackgroundCrlStore old
        ? Optional.ofNullable(old.slots.get(url)).flatMap(CrlSlot::held)
        : Optional.empty();
  }

  private CrlSlot register(URI url) {
    return register(url, Optional.empty());
  }

  /** Adds the URL (starting from a predecessor's CRL, if given) and starts its first download. */
  private CrlSlot register(URI url, Optional<CrlSlot.Held> inherited) {
    return slots.computeIfAbsent(
        url,
        u -> {
          CrlSlot slot = new CrlSlot(u);
          inherited.ifPresent(slot::inherit);
          scheduler.execute(() -> refresh(slot));
          return slot;
        });
  }

  @Override
  public List<CrlState> crls() {
    return slots.values().stream()
        .map(CrlSlot::state)
        .sorted(java.util.Comparator.comparing(s -> s.url().toString()))
        .toList();
  }

  @Override
  public long generation() {
    return generation.get();
  }

  @Override
  public void refreshNow() {
    slots.values().forEach(this::load);
  }

  /** Downloads, checks and installs one CRL, then plans the next download. */
  private void refresh(CrlSlot slot) {
    Duration delay = load(slot);
    if (!scheduler.isShutdown()) {
      slot.schedule(
          scheduler.schedule(() -> refresh(slot), delay.toMillis(), TimeUnit.MILLISECONDS));
    }
  }

  private Duration load(CrlSlot slot) {
    try {
      CrlLoader.Loaded loaded = CrlLoader.load(fetcher.get(slot.url()), issuers);
      slot.install(loaded, clock.instant());
      generation.incrementAndGet();
      Crl crl = loaded.crl();
      LOG.log(Level.DEBUG, "CRL {0} loaded: {1} serials", slot.url(), crl.entries().size());
      return nextRefresh(crl);
    } catch (IOException | CrlLoader.RejectedCrlException | RuntimeException e) {
      if (closed) {
        // close() interrupted the download (a validator rebuild closes the old store): no failure
        LOG.log(Level.DEBUG, "CRL {0} download stopped: the store was closed", slot.url());
        return retryDelay;
      }
      LOG.log(
          Level.WARNING,
          "CRL {0} not loaded, keeping the previous one: {1}",
          slot.url(),
          e.getMessage());
      slot.failed();
      return retryDelay;
    }
  }

  private Duration nextRefresh(Crl crl) {
    Instant now = clock.instant();
    Instant next = crl.nextUpdate().orElse(now.plus(retryDelay));
    // Never more than a quarter of the CRL's lifetime early, so short-lived CRLs still get used.
    Duration lifetime = Duration.between(crl.thisUpdate(), next);
    Duration margin =
        lifetime.dividedBy(4).compareTo(refreshMargin) < 0 ? lifetime.dividedBy(4) : refreshMargin;
    Duration delay = Duration.between(now, next.minus(margin));
    return delay.compareTo(retryDelay) < 0 ? retryDelay : delay;
  }

  @Override
  public void close() {
    closed = true;
    slots.values().forEach(CrlSlot::cancel);
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
  }
}
