package io.certgate.server.audit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to and reads the chained log. Appends lock the single {@code audit_head} row, which
 * serialises writers across threads and nodes and keeps {@code seq} free of gaps. Every row is
 * MAC'd with the current audit key ({@link AuditKeys}); every {@code
 * certgate.audit.checkpoint-every} rows (1000) a sealed checkpoint is written in the same
 * transaction.
 */
@Component
class AuditLog {
  private static final String COLUMNS =
      "seq, at, actor, action, target, client_ip, outcome, reason, prev_hash, hash, key_id";

  private static final String INSERT =
      "INSERT INTO audit_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String CHECKPOINT =
      "INSERT INTO audit_checkpoints (seq, hash, key_id, mac) VALUES (?, ?, ?, ?)";

  /** Rows per shared transaction at most: bounds the head lock's hold and the statement batch. */
  static final int MAX_BATCH = 64;

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final Clock clock;
  private final AuditKeys keys;
  private final int checkpointEvery;
  private final GroupCommit<Row> outsideTransactions;

  AuditLog(
      JdbcClient jdbc,
      JdbcTemplate batches,
      PlatformTransactionManager transactions,
      Clock clock,
      MeterRegistry meters,
      AuditKeys keys,
      @Value("${certgate.audit.checkpoint-every:1000}") int checkpointEvery) {
    if (checkpointEvery < 2) {
      throw new IllegalArgumentException("certgate.audit.checkpoint-every must be at least 2");
    }
    this.jdbc = jdbc;
    this.batches = batches;
    this.clock = clock;
    this.keys = keys;
    this.checkpointEvery = checkpointEvery;
    TransactionTemplate tx = new TransactionTemplate(transactions);
    // how many rows each shared transaction carried: count = commits, sum = rows
    DistributionSummary batchRows =
        DistributionSummary.builder("certgate.audit.batch.rows")
            .description("Audit rows written per shared (group-commit) transaction")
            .register(meters);
    this.outsideTransactions =
        new GroupCommit<>(
            rows -> {
              tx.executeWithoutResult(s -> write(rows));
              batchRows.record(rows.size());
            },
            MAX_BATCH);
  }

  /**
   * Appends one row. Inside a transaction the row is written in it, so a change and its row commit
   * or roll back together. Outside one (logins, logouts, refusals) concurrent appends share one
   * transaction ({@link GroupCommit}): one head lock, one batched insert and one commit for all the
   * rows queued meanwhile; each caller still returns only once its row is committed.
   */
  void append(
      String actor, String action, String target, String clientIp, String outcome, String reason) {
    Row row =
        new Row(
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            text(actor, 64),
            action,
            text(target, 200),
            text(clientIp, 64),
            outcome,
            reason);
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      write(List.of(row));
    } else {
      outsideTransactions.append(row);
    }
  }

  /** A row before the chain gives it its place. */
  record Row(
      Instant at,
      String actor,
      String action,
      String target,
      String clientIp,
      String outcome,
      String reason) {}

  /**
   * Chains {@code rows} after the head, in order, in the current transaction, with the current key;
   * seals a checkpoint at every multiple of {@code checkpointEvery}, and seals the head. (Package
   * visible for the tests and benchmark that seed large chains.)
   */
  void write(List<Row> rows) {
    Head head =
        jdbc.sql("SELECT last_seq, last_hash, key_id, mac FROM audit_head WHERE id = 1 FOR UPDATE")
            .query(AuditLog::readHead)
            .single();
    AuditKey key = keys.current();
    long seq = head.lastSeq();
    String hash = head.lastHash();
    List<Object[]> inserts = new ArrayList<>(rows.size());
    List<Object[]> checkpoints = new ArrayList<>();
    if (head.keyId() == null && seq > 0) {
      // the first keyed write after the unkeyed era seals where that era ended
      checkpoints.add(checkpoint(key, seq, hash));
    }
    for (Row r : rows) {
      seq++;
      String prev = hash;
      hash = AuditChain.hash(key, prev, seq, r);
      inserts.add(
          new Object[] {
            seq,
            r.at().atOffset(ZoneOffset.UTC),
            r.actor(),
            r.action(),
            r.target(),
            r.clientIp(),
            r.outcome(),
            r.reason(),
            prev,
            hash,
            key.id()
          });
      if (seq % checkpointEvery == 0) {
        checkpoints.add(checkpoint(key, seq, hash));
      }
    }
    if (inserts.size() == 1) {
      jdbc.sql(INSERT).params(inserts.get(0)).update();
    } else {
      batches.batchUpdate(INSERT, inserts);
    }
    if (!checkpoints.isEmpty()) {
      batches.batchUpdate(CHECKPOINT, checkpoints);
    }
    jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ?, key_id = ?, mac = ? WHERE id = 1")
        .params(seq, hash, key.id(), AuditChain.seal(key, "head", seq, hash))
        .update();
  }

  private static Object[] checkpoint(AuditKey key, long seq, String hash) {
    return new Object[] {seq, hash, key.id(), AuditChain.seal(key, "checkpoint", seq, hash)};
  }

  /** The chain's head: the last row's seq and hash, and the MAC over both. */
  record Head(long lastSeq, String lastHash, @Nullable String keyId, @Nullable String mac) {}

  /** A sealed checkpoint: the chain up to {@code seq} ends in {@code hash}. */
  record Checkpoint(long seq, String hash, String keyId, String mac) {}

  int checkpointEvery() {
    return checkpointEvery;
  }

  /** Rows with seq greater than {@code after}, in order, at most {@code limit}. */
  List<AuditEntry> after(long after, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?")
        .params(after, limit)
        .query(AuditLog::row)
        .list();
  }

  Head head() {
    return jdbc.sql("SELECT last_seq, last_hash, key_id, mac FROM audit_head WHERE id = 1")
        .query(AuditLog::readHead)
        .single();
  }

  /** The checkpoint with the highest seq (a primary-key lookup, whatever the table's size). */
  Optional<Checkpoint> latestCheckpoint() {
    return jdbc.sql(
            "SELECT seq, hash, key_id, mac FROM audit_checkpoints ORDER BY seq DESC LIMIT 1")
        .query(AuditLog::readCheckpoint)
        .optional();
  }

  /** Checkpoints with {@code from <= seq <= to}, in order. */
  List<Checkpoint> checkpoints(long from, long to) {
    return jdbc.sql(
            "SELECT seq, hash, key_id, mac FROM audit_checkpoints WHERE seq BETWEEN ? AND ?"
                + " ORDER BY seq")
        .params(from, to)
        .query(AuditLog::readCheckpoint)
        .list();
  }

  private static Head readHead(ResultSet rs, int n) throws SQLException {
    return new Head(
        rs.getLong("last_seq"),
        rs.getString("last_hash"),
        rs.getString("key_id"),
        rs.getString("mac"));
  }

  private static Checkpoint readCheckpoint(ResultSet rs, int n) throws SQLException {
    return new Checkpoint(
        rs.getLong("seq"), rs.getString("hash"), rs.getString("key_id"), rs.getString("mac"));
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
    // unfiltered, the head knows the count: no scan of a table of millions of rows per page view
    long total =
        params.isEmpty()
            ? head().lastSeq()
            : jdbc.sql("SELECT COUNT(*) FROM audit_events" + where)
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

  /**
   * Free text as stored: control characters (PostgreSQL refuses NUL in text, and a typed-in login
   * name can carry one) and unpaired surrogates become U+FFFD, then it is cut to the column without
   * splitting a pair. A row that the database refused would fail every append sharing its
   * transaction.
   */
  static String text(String s, int max) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), max));
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      boolean bad = Character.isISOControl(c) || Character.isSurrogate((char) c) && c < 0x10000;
      int cp = bad ? 0xFFFD : c;
      if (b.length() + Character.charCount(cp) > max) {
        break;
      }
      b.appendCodePoint(cp);
      i += Character.charCount(c);
    }
    return b.toString();
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
        rs.getString("hash"),
        rs.getString("key_id"));
  }
}
