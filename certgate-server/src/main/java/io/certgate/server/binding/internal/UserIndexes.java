package io.certgate.server.binding.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The CA用户管理 listing of large organisations answered from memory ({@link UserIndex}), per node. The
 * 用户名称 filter ({@code LIKE '%…%'}) cannot use a B-tree, so in SQL every search reads all of a
 * 100,000-user organisation's index entries, and a deep page walks an OFFSET; in memory both are a
 * scan of arrays.
 *
 * <p>Exact on every node of a cluster, as {@link ListingTotals} is: every write that changes what
 * the listing shows or filters on (a user created in the organisation, a 用户名称 changed, a binding
 * made or removed) moves the organisation's {@code listing_version} on in its own transaction. Each
 * request reads the version (one primary-key read) and uses the index only if it was read at that
 * version; otherwise one request reloads it while the others take the SQL path meanwhile (so a
 * version move never sets off a herd of reloads).
 *
 * <p>Organisations below {@code certgate.listing.memory-from} users (default 2,000) keep the SQL
 * path, which is cheap for them; the indexes kept hold at most {@code
 * certgate.listing.memory-users} users in all (default 500,000, ≈ 70 MB: 13.9 MB per 100,000 users
 * of the load generator's names, measured), the least recently used organisation dropped first.
 */
@Component
final class UserIndexes {
  /**
   * The count {@link UserPages} keeps for an organisation's unfiltered listing: shared, not redone.
   */
  static final String COUNT_ALL = "SELECT COUNT(*) FROM users u WHERE u.organization_id = :org";

  private final JdbcClient jdbc;
  private final ListingTotals totals;
  private final int memoryFrom;
  private final long memoryUsers;
  private final Set<Long> loading = ConcurrentHashMap.newKeySet();

  /** Organisation to what is kept of it, least recently used first; guarded by {@code this}. */
  private final LinkedHashMap<Long, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);

  private long keptUsers;

  UserIndexes(
      JdbcClient jdbc,
      ListingTotals totals,
      @Value("${certgate.listing.memory-from:2000}") int memoryFrom,
      @Value("${certgate.listing.memory-users:500000}") long memoryUsers) {
    this.jdbc = jdbc;
    this.totals = totals;
    this.memoryFrom = memoryFrom;
    this.memoryUsers = memoryUsers;
  }

  /**
   * What is kept of an organisation at a version: its index, or (null) the finding that it is too
   * small for one. The latter weighs 1, so that the map stays bounded however many there are.
   */
  private record Kept(long version, @Nullable UserIndex index) {
    static Kept of(UserIndex index) {
      return new Kept(index.version(), index);
    }

    long weight() {
      return index == null ? 1 : index.size();
    }
  }

  /**
   * The page and total from memory, or empty when the organisation is small, its index is being
   * loaded by another request, or the load did not settle: then the caller asks the database.
   */
  Optional<UserPages.Ids> find(
      long org, @Nullable String name, @Nullable Boolean bound, int page, int size) {
    Optional<Long> version = version(org);
    if (version.isEmpty()) {
      return Optional.empty();
    }
    Kept k = get(org);
    if (k == null || k.version() != version.get()) {
      k = refresh(org, version.get());
    }
    return k == null || k.index() == null
        ? Optional.empty()
        : Optional.of(k.index().find(name, bound, page, size));
  }

  /** Whether an index of the organisation is kept (at whatever version). */
  synchronized boolean holds(long org) {
    Kept k = kept.get(org);
    return k != null && k.index() != null;
  }

  private @Nullable Kept refresh(long org, long version) {
    if (!loading.add(org)) {
      return null;
    }
    try {
      Kept fresh =
          large(org) ? load(org, version).map(Kept::of).orElse(null) : new Kept(version, null);
      if (fresh != null) {
        put(org, fresh);
      }
      return fresh;
    } finally {
      loading.remove(org);
    }
  }

  /**
   * Whether the organisation is worth an index: known if one is kept (users are never deleted),
   * else counted (the count is kept with the SQL path's own, so a small organisation pays it once).
   */
  private boolean large(long org) {
    Kept k = get(org);
    return k != null && k.index() != null
        || totals.total(COUNT_ALL, Map.of("org", org), Optional.of(org)) >= memoryFrom;
  }

  /**
   * Reads the organisation's users and which of them are bound, both index-only walks. They are
   * separate statements (each its own snapshot under READ COMMITTED), so the version is read before
   * them ({@code before}, the one this request just read) and again after them: a write commits its
   * rows and its version move at once, so if the version did not move, no listing write committed
   * between the first read and the last, and both walks saw the state of exactly that version. If
   * it moved, the load is dropped (this request takes the SQL path; the next one loads again). The
   * same holds inside a REPEATABLE READ transaction, where all reads share one snapshot anyway.
   */
  private Optional<UserIndex> load(long org, long before) {
    UserIndex.Builder b = new UserIndex.Builder(before);
    jdbc.sql(
            "SELECT id, display_name, username FROM users WHERE organization_id = :org ORDER BY id")
        .param("org", org)
        .query((RowCallbackHandler) rs -> b.user(rs.getLong(1), rs.getString(2), rs.getString(3)));
    jdbc.sql("SELECT id FROM users WHERE organization_id = :org AND binding_count > 0")
        .param("org", org)
        .query((RowCallbackHandler) rs -> b.bound(rs.getLong(1)));
    return version(org).equals(Optional.of(before)) ? Optional.of(b.build()) : Optional.empty();
  }

  private synchronized @Nullable Kept get(long org) {
    return kept.get(org);
  }

  /** Keeps {@code k}, dropping the least recently used until the bound holds. */
  private synchronized void put(long org, Kept k) {
    Kept old = kept.remove(org);
    if (old != null) {
      keptUsers -= old.weight();
    }
    if (k.weight() > memoryUsers) {
      return;
    }
    kept.put(org, k);
    keptUsers += k.weight();
    Iterator<Kept> eldest = kept.values().iterator();
    while (keptUsers > memoryUsers && eldest.hasNext()) {
      Kept e = eldest.next();
      if (e != k) {
        keptUsers -= e.weight();
        eldest.remove();
      }
    }
  }

  private Optional<Long> version(long org) {
    return jdbc.sql("SELECT listing_version FROM organizations WHERE id = :id")
        .param("id", org)
        .query(Long.class)
        .optional();
  }
}
