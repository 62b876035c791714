package io.certgate.server.region;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Regions in the {@code regions} table. The hierarchy is small (a few thousand rows at most), so
 * the effective CA setting is resolved over the whole table in memory rather than by recursive SQL,
 * which keeps the query portable between H2 and PostgreSQL.
 *
 * <p>Every CA login asks for its user's region, so the resolved tree is kept per node instead of
 * being read per call. A change through this node ({@link #insert}, {@link #update}) drops the copy
 * at once and again when its transaction ends, so this node never answers from a tree older than
 * its own committed writes; a change made through another node (or by hand in the database) is seen
 * after at most {@code certgate.ca.providers-poll} (default 30 s), the same bounded staleness the
 * providers themselves have in a cluster (see {@code DbTrustRegistry}). Reads inside a transaction
 * go to the table, since that transaction may see its own uncommitted rows.
 */
@Component
final class JdbcRegions implements Regions {
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration maxAge;
  private final AtomicLong generation = new AtomicLong();
  private volatile @Nullable Tree tree;

  JdbcRegions(
      JdbcClient jdbc, Clock clock, @Value("${certgate.ca.providers-poll:30s}") Duration maxAge) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  @Override
  public Optional<Region> find(String code) {
    return Optional.ofNullable(current().byCode().get(code));
  }

  @Override
  public List<Region> all() {
    return current().ordered();
  }

  /**
   * The kept tree while it is current; otherwise the table, kept when read outside a transaction.
   */
  private Tree current() {
    long gen = generation.get();
    Instant now = clock.instant();
    Tree kept = tree;
    if (kept != null && kept.generation() == gen && now.isBefore(kept.readAt().plus(maxAge))) {
      return kept;
    }
    Tree read = Tree.of(load(), gen, now);
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      tree = read;
    }
    return read;
  }

  /** Drops the kept tree now and, inside a transaction, again when it commits or rolls back. */
  private void changed() {
    generation.incrementAndGet();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              generation.incrementAndGet();
            }
          });
    }
  }

  private List<Region> load() {
    List<Row> rows =
        jdbc.sql(
                "SELECT code, name, parent_code, ca_enabled, created_at FROM regions ORDER BY code")
            .query(JdbcRegions::row)
            .list();
    Map<String, Row> byCode = new HashMap<>();
    rows.forEach(r -> byCode.put(r.code, r));
    return rows.stream()
        .map(r -> new Region(r.code, r.name, r.parent, r.ca, effective(r, byCode), r.createdAt))
        .toList();
  }

  void insert(String code, String name, @Nullable String parentCode, @Nullable Boolean caEnabled) {
    jdbc.sql(
            "INSERT INTO regions (code, name, parent_code, ca_enabled, created_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(code, name, parentCode, caEnabled, now())
        .update();
    changed();
  }

  boolean update(String code, String name, @Nullable Boolean caEnabled) {
    int rows =
        jdbc.sql("UPDATE regions SET name = ?, ca_enabled = ? WHERE code = ?")
            .params(name, caEnabled, code)
            .update();
    changed();
    return rows == 1;
  }

  private OffsetDateTime now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
  }

  /** Walks up to the first region that sets a value; a cycle cannot exist (parents exist first). */
  private static boolean effective(Row row, Map<String, Row> byCode) {
    for (Row r = row; r != null; r = r.parent == null ? null : byCode.get(r.parent)) {
      if (r.ca != null) {
        return r.ca;
      }
    }
    return false;
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    Object ca = rs.getObject("ca_enabled");
    return new Row(
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("parent_code"),
        ca == null ? null : rs.getBoolean("ca_enabled"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  /** The resolved regions of one read, by code and in code order. */
  private record Tree(
      Map<String, Region> byCode, List<Region> ordered, long generation, Instant readAt) {
    static Tree of(List<Region> ordered, long generation, Instant readAt) {
      Map<String, Region> byCode = new HashMap<>();
      ordered.forEach(r -> byCode.put(r.code(), r));
      return new Tree(Map.copyOf(byCode), List.copyOf(ordered), generation, readAt);
    }
  }

  private record Row(
      String code, String name, @Nullable String parent, @Nullable Boolean ca, Instant createdAt) {}
}
