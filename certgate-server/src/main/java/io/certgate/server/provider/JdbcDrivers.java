package io.certgate.server.provider;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Provider driver downloads in the {@code ca_drivers} table. */
@Component
class JdbcDrivers {
  private final JdbcClient jdbc;

  JdbcDrivers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A driver of a provider (CA驱动). */
  record Driver(
      long id, String providerCode, String name, String version, String url, Instant updatedAt) {}

  List<Driver> all() {
    return jdbc.sql(
            "SELECT id, provider_code, name, version, url, updated_at FROM ca_drivers"
                + " ORDER BY provider_code, id")
        .query(
            (rs, n) ->
                new Driver(
                    rs.getLong("id"),
                    rs.getString("provider_code"),
                    rs.getString("name"),
                    rs.getString("version"),
                    rs.getString("url"),
                    rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  void insert(String providerCode, String name, String version, String url, OffsetDateTime at) {
    jdbc.sql(
            "INSERT INTO ca_drivers (provider_code, name, version, url, updated_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(providerCode, name, version, url, at)
        .update();
  }

  boolean delete(long id) {
    return jdbc.sql("DELETE FROM ca_drivers WHERE id = ?").param(id).update() == 1;
  }
}
