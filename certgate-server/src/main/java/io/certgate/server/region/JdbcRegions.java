package io.certgate.server.region;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Regions in the {@code regions} table. The hierarchy is small (a few thousand rows at most), so
 * the effective CA setting is resolved over the whole table in memory rather than by recursive SQL,
 * which keeps the query portable between H2 and PostgreSQL.
 */
@Component
final class JdbcRegions implements Regions {
  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcRegions(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<Region> find(String code) {
    return all().stream().filter(r -> r.code().equals(code)).findFirst();
  }

  @Override
  public List<Region> all() {
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
  }

  boolean update(String code, String name, @Nullable Boolean caEnabled) {
    return jdbc.sql("UPDATE regions SET name = ?, ca_enabled = ? WHERE code = ?")
            .params(name, caEnabled, code)
            .update()
        == 1;
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

  private record Row(
      String code, String name, @Nullable String parent, @Nullable Boolean ca, Instant createdAt) {}
}
