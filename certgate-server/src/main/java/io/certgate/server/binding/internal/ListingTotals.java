package io.certgate.server.binding.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The totals of the CA listings (共有 N 条). Counting an organisation of 100,000 users walks its whole
 * index range, the dearest part of a page; yet the totals change only when a user is created in the
 * organisation or a binding is made or removed, and each of those writes moves the organisation's
 * {@code listing_version} on in its own transaction (V21_1). So a total is kept per node with the
 * version it was counted at, and counted again once the version has moved: exact on every node of a
 * cluster, for the price of one primary-key read while nothing changes.
 *
 * <p>Only totals without a 用户名称 filter are kept (a few per organisation; typed-in names would grow
 * without bound: large organisations answer those from {@link UserIndexes}). Bulk loads that write
 * the tables directly must move the version themselves.
 */
@Component
public final class ListingTotals {
  /** Beyond this many totals the map starts afresh: a bound on memory, not a tuning knob. */
  static final int MAX_KEPT = 20_000;

  private final JdbcClient jdbc;
  private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

  ListingTotals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Key(long organizationId, String countSql, Map<String, Object> params) {}

  private record Kept(long version, long total) {}

  /**
   * The total of {@code countSql} (a {@code SELECT COUNT(*)} with named parameters) under {@code
   * params}: kept per organisation when {@code organizationId} is present, else counted.
   */
  public long total(String countSql, Map<String, Object> params, Optional<Long> organizationId) {
    if (organizationId.isEmpty()) {
      return jdbc.sql(countSql).params(params).query(Long.class).single();
    }
    long org = organizationId.get();
    Key key = new Key(org, countSql, Map.copyOf(params));
    Kept k = kept.get(key);
    if (k != null && k.version() == version(org)) {
      return k.total();
    }
    // version and count in one statement, so both come from one snapshot
    Map<String, Object> p = new java.util.HashMap<>(params);
    p.put("versionOrg", org);
    Kept fresh =
        jdbc.sql(
                "SELECT o.listing_version, ("
                    + countSql
                    + ") FROM organizations o WHERE o.id = :versionOrg")
            .params(p)
            .query((rs, n) -> new Kept(rs.getLong(1), rs.getLong(2)))
            .optional()
            .orElse(new Kept(-1, 0));
    if (kept.size() >= MAX_KEPT) {
      kept.clear();
    }
    kept.put(key, fresh);
    return fresh.total();
  }

  private long version(long organizationId) {
    return jdbc.sql("SELECT listing_version FROM organizations WHERE id = :id")
        .param("id", organizationId)
        .query(Long.class)
        .optional()
        .orElse(-2L);
  }
}
