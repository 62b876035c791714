package io.certgate.server.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Organisations in the {@code organizations} table. A row never changes once created (nothing
 * renames, moves or deletes an organisation; only {@code listing_version}, which is not part of
 * {@link Organization}, moves), so each node keeps the organisations it has read — every CA login
 * asks for its user's organisation. Whoever adds an update of these columns must drop this.
 */
@Component
final class JdbcOrganizations implements Organizations {
  private static final String COLUMNS =
      "id, name, region_code, kind, credit_code, created_by, created_at";

  /** Organisations kept per node: about 200 bytes each. */
  static final int KEPT = 20_000;

  private final JdbcClient jdbc;
  private final Map<Long, Organization> kept =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Organization> eldest) {
          return size() > KEPT;
        }
      };

  JdbcOrganizations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Organization> find(long id) {
    synchronized (kept) {
      Organization o = kept.get(id);
      if (o != null) {
        return Optional.of(o);
      }
    }
    Optional<Organization> found =
        jdbc.sql("SELECT " + COLUMNS + " FROM organizations WHERE id = ?")
            .param(id)
            .query(JdbcOrganizations::row)
            .optional();
    // a row read inside a transaction may be its own uncommitted insert, gone on rollback
    if (found.isPresent() && !TransactionSynchronizationManager.isActualTransactionActive()) {
      synchronized (kept) {
        kept.put(id, found.get());
      }
    }
    return found;
  }

  @Override
  public List<Organization> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM organizations ORDER BY name, id")
        .query(JdbcOrganizations::row)
        .list();
  }

  boolean creditCodeTaken(String creditCode) {
    return jdbc.sql("SELECT COUNT(*) FROM organizations WHERE credit_code = ?")
            .param(creditCode)
            .query(Long.class)
            .single()
        > 0;
  }

  long insert(
      String name,
      String regionCode,
      OrganizationKind kind,
      String creditCode,
      String createdBy,
      OffsetDateTime at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO organizations (name, region_code, kind, credit_code, created_by,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(name, regionCode, kind.name(), creditCode, createdBy, at)
        .update(key, "id");
    return key.getKey().longValue();
  }

  private static Organization row(ResultSet rs, int n) throws SQLException {
    return new Organization(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("region_code"),
        OrganizationKind.valueOf(rs.getString("kind")),
        rs.getString("credit_code"),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
