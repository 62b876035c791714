package io.certgate.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to and reads the chained log. Appends lock the single {@code audit_head} row, which
 * serialises writers across threads and nodes and keeps {@code seq} free of gaps.
 */
@Component
class AuditLog {
  private static final String COLUMNS =
      "seq, at, actor, action, target, client_ip, outcome, reason, prev_hash, hash";

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  void append(
      String actor, String action, String target, String clientIp, String outcome, String reason) {
    Map<String, Object> head =
        jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
            .query()
            .singleRow();
    long seq = ((Number) head.get("last_seq")).longValue() + 1;
    String prev = (String) head.get("last_hash");
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String a = cut(actor, 64);
    String t = cut(target, 200);
    String ip = cut(clientIp, 64);
    String hash = AuditChain.hash(prev, seq, at, a, action, t, ip, outcome, reason);
    jdbc.sql("INSERT INTO audit_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(seq, at.atOffset(ZoneOffset.UTC), a, action, t, ip, outcome, reason, prev, hash)
        .update();
    jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")
        .params(seq, hash)
        .update();
  }

  /** Rows with seq greater than {@code after}, in order, at most {@code limit}. */
  List<AuditEntry> after(long after, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?")
        .params(after, limit)
        .query(AuditLog::row)
        .list();
  }

  Map<String, Object> head() {
    return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").query().singleRow();
  }

  record Filter(
      String actor, String action, String outcome, @Nullable Instant from, @Nullable Instant to) {}

  record Page(long total, List<AuditEntry> items) {}

  /** One page of rows, newest first, matching the filter. */
  Page search(Filter filter, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!filter.actor().isBlank()) {
      where.append(" AND actor = ?");
      params.add(filter.actor().strip());
    }
    if (!filter.action().isBlank()) {
      where.append(" AND action = ?");
      params.add(filter.action().strip());
    }
    if (!filter.outcome().isBlank()) {
      where.append(" AND outcome = ?");
      params.add(filter.outcome().strip());
    }
    if (filter.from() != null) {
      where.append(" AND at >= ?");
      params.add(filter.from().atOffset(ZoneOffset.UTC));
    }
    if (filter.to() != null) {
      where.append(" AND at < ?");
      params.add(filter.to().atOffset(ZoneOffset.UTC));
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM audit_events" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(size);
    pageParams.add((long) (page - 1) * size);
    List<AuditEntry> items =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM audit_events"
                    + where
                    + " ORDER BY seq DESC LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(AuditLog::row)
            .list();
    return new Page(total, items);
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static AuditEntry row(ResultSet rs, int n) throws SQLException {
    return new AuditEntry(
        rs.getLong("seq"),
        rs.getObject("at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("target"),
        rs.getString("client_ip"),
        rs.getString("outcome"),
        rs.getString("reason"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }
}
