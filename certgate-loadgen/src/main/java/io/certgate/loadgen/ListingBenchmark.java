package io.certgate.loadgen;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CA用户管理 listing of the big organisation under load, as its administrators page it (issue 7:
 * p95 under 100 ms): the users table at its first page and at random deep pages, filtered by a
 * typed-in 用户名称 and by 已绑定 / 未绑定 (random pages), and the bindings view at its first and random deep
 * pages. Each client thread has a session of its own; the requests and their pages are drawn before
 * the timed part. Every answer is checked: status 200, the listing's total as counted before the
 * run, and a non-empty page.
 */
final class ListingBenchmark {
  /** The goal of issue 7 for the listing, over all requests of the mix. */
  static final double P95_GOAL_MS = 100;

  static final int PAGE_SIZE = 10;

  /** The kinds of listing request. */
  enum Kind {
    FIRST_PAGE("users, page 1"),
    DEEP_PAGE("users, random page"),
    NAME_FILTER("users, 用户名称 filter"),
    BOUND("users, 已绑定, random page"),
    UNBOUND("users, 未绑定, random page"),
    BINDINGS_FIRST("bindings view, page 1"),
    BINDINGS_DEEP("bindings view, random page");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** The mix, repeated: random deep pages twice as often as each other kind. */
  private static final Kind[] MIX = {
    Kind.FIRST_PAGE,
    Kind.DEEP_PAGE,
    Kind.DEEP_PAGE,
    Kind.NAME_FILTER,
    Kind.BOUND,
    Kind.UNBOUND,
    Kind.BINDINGS_FIRST,
    Kind.BINDINGS_DEEP
  };

  private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

  private final SeededPlatform platform;
  private final int threads;
  private final int bigOrganizationUsers;

  ListingBenchmark(SeededPlatform platform, int threads, int bigOrganizationUsers) {
    this.platform = platform;
    this.threads = threads;
    this.bigOrganizationUsers = bigOrganizationUsers;
  }

  /** The big organisation's listing totals, counted once before the run. */
  record Totals(long users, long bound, long unbound, long bindings) {}

  /** A run: all requests as one phase, and each kind's latencies. */
  record Result(Phase all, Map<Kind, Latencies> byKind, Totals totals) {}

  private record Request(Kind kind, String path, long total) {}

  /**
   * The seed is written with COPY, past the server: each user's binding count (V21_2), which the
   * server keeps on every bind and unbind, is counted here once; and VACUUM sets the visibility map
   * that the listings' index-only scans rely on, as autovacuum does on a live database.
   */
  static void prepare(PostgresCluster postgres) throws SQLException {
    try (Connection db = postgres.connect();
        Statement s = db.createStatement()) {
      s.executeUpdate(
          "UPDATE users u SET binding_count = c.n"
              + " FROM (SELECT user_id, COUNT(*) AS n FROM ca_bindings GROUP BY user_id) c"
              + " WHERE c.user_id = u.id AND u.binding_count <> c.n");
      s.executeUpdate("UPDATE organizations SET listing_version = listing_version + 1");
      s.execute("VACUUM ANALYZE users, ca_bindings, organizations");
    }
  }

  /** Runs {@code count} listing requests drawn with {@code seed}; errors go to {@code errors}. */
  Result run(int count, long seed, Errors errors) {
    ConcurrentLinkedQueue<WebSession> sessions = new ConcurrentLinkedQueue<>();
    for (int t = 0; t < threads; t++) {
      sessions.add(platform.login(platform.seed().bigOrganizationAdmin()));
    }
    Totals totals = totals(Objects.requireNonNull(sessions.peek()));
    Request[] requests = draw(count, totals, new SplittableRandom(seed));
    Latencies latencies = new Latencies(count);
    long cpuBefore = platform.server().cpuTime().toNanos();
    long databaseBefore = platform.postgres().cpuTime().toNanos();
    Duration wall =
        Workers.run(
            count,
            threads,
            Optional.empty(),
            i -> {
              WebSession session = Objects.requireNonNull(sessions.poll());
              long start = System.nanoTime();
              try {
                check(requests[i], session.get(requests[i].path()), errors);
              } catch (RuntimeException e) {
                errors.add(requests[i].path() + ": " + e);
              } finally {
                latencies.set(i, System.nanoTime() - start);
                sessions.add(session);
              }
            });
    Duration cpu = Duration.ofNanos(platform.server().cpuTime().toNanos() - cpuBefore);
    Duration database = Duration.ofNanos(platform.postgres().cpuTime().toNanos() - databaseBefore);
    Map<Kind, Latencies> byKind = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      List<Long> own = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        if (requests[i].kind() == kind) {
          own.add(latencies.get(i));
        }
      }
      Latencies l = new Latencies(own.size());
      for (int i = 0; i < own.size(); i++) {
        l.set(i, own.get(i));
      }
      byKind.put(kind, l);
    }
    return new Result(new Phase(count, wall, cpu, database, latencies), byKind, totals);
  }

  private Totals totals(WebSession admin) {
    long users = total(admin, "/api/ca/users");
    long bound = total(admin, "/api/ca/users?bound=true");
    long unbound = total(admin, "/api/ca/users?bound=false");
    long bindings = total(admin, "/api/ca/bindings");
    if (bound + unbound != users || bound == 0 || unbound == 0) {
      throw new IllegalStateException(
          "the big organisation's listing does not add up: "
              + users
              + " users, "
              + bound
              + " bound, "
              + unbound
              + " unbound");
    }
    return new Totals(users, bound, unbound, bindings);
  }

  private static long total(WebSession admin, String path) {
    WebSession.Response r = admin.get(path);
    Matcher m = TOTAL.matcher(r.body());
    if (r.status() != 200 || !m.find()) {
      throw new IllegalStateException(path + " -> " + r.status() + " " + r.body());
    }
    return Long.parseLong(m.group(1));
  }

  private Request[] draw(int count, Totals totals, SplittableRandom random) {
    int named = bigOrganizationUsers - 1;
    Request[] out = new Request[count];
    for (int i = 0; i < count; i++) {
      Kind kind = MIX[i % MIX.length];
      out[i] =
          switch (kind) {
            case FIRST_PAGE -> new Request(kind, "/api/ca/users?page=1&size=10", totals.users());
            case DEEP_PAGE ->
                new Request(kind, users("", page(totals.users(), random)), totals.users());
            case NAME_FILTER -> {
              // the first five of seven digits: a block of up to 100 of the organisation's users
              String name = BulkUsers.displayName(random.nextInt(named)).substring(0, 9);
              yield new Request(kind, users("name=" + encode(name) + "&", 1), -1);
            }
            case BOUND ->
                new Request(
                    kind, users("bound=true&", page(totals.bound(), random)), totals.bound());
            case UNBOUND ->
                new Request(
                    kind, users("bound=false&", page(totals.unbound(), random)), totals.unbound());
            case BINDINGS_FIRST ->
                new Request(kind, "/api/ca/bindings?page=1&size=10", totals.bindings());
            case BINDINGS_DEEP ->
                new Request(
                    kind,
                    "/api/ca/bindings?page=" + page(totals.bindings(), random) + "&size=10",
                    totals.bindings());
          };
    }
    return out;
  }

  private static String users(String filter, long page) {
    return "/api/ca/users?" + filter + "page=" + page + "&size=" + PAGE_SIZE;
  }

  private static long page(long total, SplittableRandom random) {
    return 1 + random.nextLong((total + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void check(Request request, WebSession.Response r, Errors errors) {
    String body = r.body();
    Matcher m = TOTAL.matcher(body);
    boolean totalOk =
        m.find()
            && (request.total() >= 0
                ? Long.parseLong(m.group(1)) == request.total()
                : Long.parseLong(m.group(1)) >= 1);
    if (r.status() != 200 || !totalOk || !body.contains("\"items\":[{")) {
      errors.add(request.path() + " -> " + r.status() + " " + body);
    }
  }
}
