package io.certgate.server;

import io.certgate.testpki.Credential;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.UserCredentials;
import io.certgate.testpki.UserSpec;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Clients binding locks and logging in by CA through both nodes of a {@link FaultCluster}, each
 * with its own session and address, until stopped; every answer is kept as an {@link Outcome}. Keys
 * and certificates are made before the load starts, so the clients only sign.
 *
 * <p>The requests cycle through four kinds: a bind of a fresh lock, a bind of one of a few
 * contested locks (which each bind once at most), a CA login with a bound lock, and a CA login with
 * a renewed certificate of a bound lock (which rewrites the binding's certificate fields).
 */
final class FaultLoad {
  static final int LOGIN_LOCKS = 4;
  static final int CONTESTED_LOCKS = 4;
  private static final int RENEWALS = 12;
  private static final int FRESH_PER_CLIENT = 60;

  enum Op {
    BIND,
    CONTESTED_BIND,
    LOGIN,
    RENEWED_LOGIN
  }

  /**
   * One request's outcome; {@code status} -1 when the connection itself failed. {@code raw} is the
   * answer as received, {@code body} its JSON (null if it was not JSON); times in milliseconds
   * since the load started.
   */
  record Outcome(
      Op op,
      String node,
      int status,
      String error,
      long startMillis,
      long atMillis,
      @Nullable JsonNode body,
      String raw,
      String contentType) {
    String key() {
      return op + " " + node + " " + (status == -1 ? "IO" : status + " " + error);
    }

    boolean succeeded() {
      return status == 200 || status == 201;
    }
  }

  private final FaultCluster.Ca ca;
  private final List<Long> members;
  private final List<Credential> loginLocks = new ArrayList<>();
  private final Set<String> preBound = new HashSet<>();
  private final List<List<Credential>> renewals = new ArrayList<>();
  private final List<AtomicInteger> renewalIndex = new ArrayList<>();
  private final List<UserCredentials> contested = new ArrayList<>();
  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Future<?>> clients = new ArrayList<>();
  private @Nullable ExecutorService pool;
  private long t0;

  /**
   * Binds the login locks to the members (through {@code admin}) and makes every key the load will
   * use. {@code providerClock} is the provider's: each renewed certificate is issued a minute after
   * the previous one, so that it expires later and counts as a renewal.
   */
  FaultLoad(Browser admin, FaultCluster.Ca ca, List<Long> members, TestClock providerClock) {
    this.ca = ca;
    this.members = List.copyOf(members);
    for (int i = 0; i < LOGIN_LOCKS; i++) {
      String lockId = "PGLOCK-" + System.nanoTime() + "-" + i;
      preBound.add(lockId);
      loginLocks.add(issue(lockId));
      Browser.Res r = FaultCluster.bind(admin, members.get(i % members.size()), loginLocks.get(i));
      if (r.status() != 201) {
        throw new IllegalStateException("cannot bind a login lock: " + r.body());
      }
      List<Credential> renewed = new ArrayList<>();
      for (int n = 0; n < RENEWALS; n++) {
        providerClock.advance(Duration.ofMinutes(1));
        renewed.add(issue(lockId));
      }
      renewals.add(renewed);
      renewalIndex.add(new AtomicInteger());
    }
    for (int i = 0; i < CONTESTED_LOCKS; i++) {
      contested.add(ca.provider().issueUser("争用" + i));
    }
  }

  /**
   * A load on a new region, organisation and P-256 provider of the cluster (made through {@code
   * admin}), with four members to bind to.
   */
  static FaultLoad onNewOrganisation(FaultCluster cluster, Browser admin)
      throws InterruptedException {
    TestClock providerClock = new TestClock();
    FaultCluster.Ca ca = cluster.ca(admin, KeyKind.EC_P256, providerClock);
    List<Long> members = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      members.add(FaultCluster.member(admin, ca.organization()));
    }
    return new FaultLoad(admin, ca, members, providerClock);
  }

  FaultCluster.Ca ca() {
    return ca;
  }

  List<Long> members() {
    return members;
  }

  /** Starts {@code count} clients, alternately on node A and node B. */
  void start(FaultCluster cluster, int count) {
    List<ConcurrentLinkedQueue<Credential>> fresh = new ArrayList<>();
    for (int w = 0; w < count; w++) {
      ConcurrentLinkedQueue<Credential> q = new ConcurrentLinkedQueue<>();
      for (int i = 0; i < FRESH_PER_CLIENT; i++) {
        q.add(ca.provider().issueUser("新锁" + w + "-" + i).signature());
      }
      fresh.add(q);
    }
    List<Browser> actors = new ArrayList<>();
    for (int w = 0; w < count; w++) {
      actors.add(FaultCluster.admin(w % 2 == 0 ? cluster.a : cluster.b));
    }
    pool = Executors.newFixedThreadPool(count);
    running.set(true);
    t0 = System.nanoTime();
    for (int w = 0; w < count; w++) {
      FaultCluster.Node node = w % 2 == 0 ? cluster.a : cluster.b;
      Browser actor = actors.get(w);
      ConcurrentLinkedQueue<Credential> mine = fresh.get(w);
      int first = w;
      clients.add(pool.submit(() -> client(node, actor, mine, first)));
    }
  }

  private void client(
      FaultCluster.Node node, Browser actor, ConcurrentLinkedQueue<Credential> fresh, int first) {
    for (int i = first; running.get(); i++) {
      Op op = Op.values()[i % Op.values().length];
      int k = (i / Op.values().length) % LOGIN_LOCKS;
      Credential lock =
          switch (op) {
            case BIND -> fresh.poll();
            case CONTESTED_BIND -> contested.get(k % CONTESTED_LOCKS).signature();
            case LOGIN -> loginLocks.get(k);
            case RENEWED_LOGIN ->
                renewals.get(k).get(Math.min(renewalIndex.get(k).getAndIncrement(), RENEWALS - 1));
          };
      if (lock == null) {
        return;
      }
      long member = members.get(ThreadLocalRandom.current().nextInt(members.size()));
      boolean bind = op == Op.BIND || op == Op.CONTESTED_BIND;
      Outcome o =
          call(
              op,
              node,
              () ->
                  bind ? FaultCluster.bind(actor, member, lock) : FaultCluster.caLogin(node, lock));
      outcomes.add(o);
      if (bind && o.status() == 401) {
        // the session went with a Redis restart: sign in again, as the page would send one to
        FaultCluster.passwordLogin(actor);
      }
      pause(20);
    }
  }

  /** Stops the clients after their current request and waits for them. */
  void stop() throws Exception {
    running.set(false);
    for (Future<?> f : clients) {
      f.get();
    }
    if (pool != null) {
      pool.shutdown();
    }
  }

  /** Runs one request outside the clients (e.g. a check afterwards) and keeps its outcome. */
  Outcome record(Op op, FaultCluster.Node node, Supplier<Browser.Res> request) {
    Outcome o = call(op, node, request);
    outcomes.add(o);
    return o;
  }

  List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  long millis() {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** When the node first answered a bind or login successfully after {@code since}, or -1. */
  long recovered(String node, long since) {
    return outcomes.stream()
        .filter(o -> o.node().equals(node) && o.atMillis() > since && o.succeeded())
        .mapToLong(Outcome::atMillis)
        .min()
        .orElse(-1);
  }

  /** When the node first answered a bind with 201 after {@code since}, or -1. */
  long bound(String node, long since) {
    return outcomes.stream()
        .filter(o -> o.node().equals(node) && o.atMillis() > since && o.status() == 201)
        .mapToLong(Outcome::atMillis)
        .min()
        .orElse(-1);
  }

  Credential loginLock(int i) {
    return loginLocks.get(i);
  }

  /** Lock IDs bound before the load started. */
  Set<String> preBound() {
    return Set.copyOf(preBound);
  }

  Set<String> contestedLockIds() {
    return contested.stream().map(UserCredentials::lockId).collect(Collectors.toSet());
  }

  private Credential issue(String lockId) {
    return ca.provider().issueUser(UserSpec.builder("续期锁").lockId(lockId).build()).signature();
  }

  private Outcome call(Op op, FaultCluster.Node node, Supplier<Browser.Res> request) {
    long started = millis();
    try {
      Browser.Res r = request.get();
      JsonNode body = null;
      try {
        body = r.json();
      } catch (RuntimeException notJson) {
        // kept as raw text; LoadReport refuses it
      }
      String error = body == null ? "" : body.path("error").asString("");
      String type = r.header("Content-Type").orElse("");
      return new Outcome(
          op, node.name(), r.status(), error, started, millis(), body, r.body(), type);
    } catch (UncheckedIOException e) {
      String message = String.valueOf(e.getMessage());
      return new Outcome(op, node.name(), -1, "IO", started, millis(), null, message, "");
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
