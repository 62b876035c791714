package io.certgate.server.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Organisations in the {@code organizations} table. */
@Component
final class JdbcOrganizations implements Organizations {
  private static final String COLUMNS =
      "id, name, region_code, kind, credit_code, created_by, created_at";

  private final JdbcClient jdbc;

  JdbcOrganizations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Organization> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM organizations WHERE id = ?")
        .param(id)
        .query(JdbcOrganizations::row)
        .optional();
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
