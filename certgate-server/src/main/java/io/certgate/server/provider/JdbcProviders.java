package io.certgate.server.provider;

import io.certgate.server.region.Region;
import io.certgate.server.region.Regions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Providers and region provider lists in the {@code ca_providers} and {@code ca_region_*} tables.
 */
@Component
final class JdbcProviders implements Providers {
  private static final String COLUMNS =
      "code, name, enabled, lock_id_rule, revocation_mode, revocation_failure, crl_urls, ocsp_url,"
          + " ocsp_responder_pem, anchors_pem, algorithms, relaxed_profile_rules, application_url,"
          + " updated_by, updated_at";

  private final JdbcClient jdbc;
  private final Regions regions;
  private final Clock clock;

  JdbcProviders(JdbcClient jdbc, Regions regions, Clock clock) {
    this.jdbc = jdbc;
    this.regions = regions;
    this.clock = clock;
  }

  @Override
  public Optional<Provider> find(String code) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM ca_providers WHERE code = ?")
        .param(code)
        .query(JdbcProviders::row)
        .optional();
  }

  @Override
  public List<Provider> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM ca_providers ORDER BY code")
        .query(JdbcProviders::row)
        .list();
  }

  /**
   * One statement for the region and its ancestors (the tree is kept in memory by {@link Regions}):
   * each list row of the chain with its providers that are enabled; the nearest region that has a
   * list decides. The lists and the providers' switches are read from the tables on every call, so
   * a change to either is exact at once on every node.
   */
  @Override
  public Set<String> enabledFor(String regionCode) {
    List<String> chain = chain(regionCode);
    if (chain.isEmpty()) {
      return Set.of();
    }
    String marks = String.join(", ", Collections.nCopies(chain.size(), "?"));
    Map<String, Set<String>> lists = new HashMap<>();
    jdbc.sql(
            "SELECT l.region_code, p.code FROM ca_region_provider_lists l"
                + " LEFT JOIN ca_region_providers rp ON rp.region_code = l.region_code"
                + " LEFT JOIN ca_providers p ON p.code = rp.provider_code AND p.enabled = TRUE"
                + " WHERE l.region_code IN ("
                + marks
                + ")")
        .params(chain.toArray())
        .query(
            rs -> {
              Set<String> codes =
                  lists.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>());
              String code = rs.getString(2);
              if (code != null) {
                codes.add(code);
              }
            });
    for (String code : chain) {
      Set<String> own = lists.get(code);
      if (own != null) {
        return Set.copyOf(own);
      }
    }
    return Set.of();
  }

  /** The region and its ancestors, nearest first; empty for an unknown code. */
  private List<String> chain(String regionCode) {
    List<String> chain = new ArrayList<>();
    Optional<Region> region = regions.find(regionCode);
    for (int depth = 0; region.isPresent() && depth < 32; depth++) {
      chain.add(region.get().code());
      String parent = region.get().parentCode();
      region = parent == null ? Optional.empty() : regions.find(parent);
    }
    return chain;
  }

  /** A region's own list, if it has one (possibly empty). */
  Optional<List<String>> listOf(String regionCode) {
    boolean has =
        jdbc.sql("SELECT COUNT(*) FROM ca_region_provider_lists WHERE region_code = ?")
                .param(regionCode)
                .query(Long.class)
                .single()
            > 0;
    if (!has) {
      return Optional.empty();
    }
    return Optional.of(
        jdbc.sql(
                "SELECT provider_code FROM ca_region_providers WHERE region_code = ?"
                    + " ORDER BY provider_code")
            .param(regionCode)
            .query(String.class)
            .list());
  }

  void setList(String regionCode, List<String> codes, String actor) {
    jdbc.sql("DELETE FROM ca_region_providers WHERE region_code = ?").param(regionCode).update();
    jdbc.sql("DELETE FROM ca_region_provider_lists WHERE region_code = ?")
        .param(regionCode)
        .update();
    jdbc.sql(
            "INSERT INTO ca_region_provider_lists (region_code, updated_by, updated_at)"
                + " VALUES (?, ?, ?)")
        .params(regionCode, actor, now())
        .update();
    for (String code : new LinkedHashSet<>(codes)) {
      jdbc.sql("INSERT INTO ca_region_providers (region_code, provider_code) VALUES (?, ?)")
          .params(regionCode, code)
          .update();
    }
  }

  void insert(Provider p) {
    jdbc.sql(
            "INSERT INTO ca_providers ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(values(p, true))
        .update();
  }

  boolean update(Provider p) {
    Object[] v = values(p, false);
    return jdbc.sql(
                "UPDATE ca_providers SET name = ?, enabled = ?, lock_id_rule = ?,"
                    + " revocation_mode = ?, revocation_failure = ?, crl_urls = ?, ocsp_url = ?,"
                    + " ocsp_responder_pem = ?, anchors_pem = ?, algorithms = ?, relaxed_profile_rules = ?,"
                    + " application_url = ?, updated_by = ?, updated_at = ? WHERE code = ?")
            .params(v)
            .update()
        == 1;
  }

  OffsetDateTime now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
  }

  private Object[] values(Provider p, boolean codeFirst) {
    Object[] rest = {
      p.name(),
      p.enabled(),
      p.lockId(),
      p.revocation().mode(),
      p.revocation().failure(),
      String.join("\n", p.revocation().crlUrls()),
      p.revocation().ocspUrl(),
      p.revocation().ocspResponderCertificate(),
      p.anchors(),
      String.join(",", p.algorithms()),
      String.join(",", p.relaxProfileRules()),
      p.applicationUrl(),
      p.updatedBy(),
      p.updatedAt().atOffset(ZoneOffset.UTC)
    };
    Object[] out = new Object[rest.length + 1];
    if (codeFirst) {
      out[0] = p.code();
      System.arraycopy(rest, 0, out, 1, rest.length);
    } else {
      System.arraycopy(rest, 0, out, 0, rest.length);
      out[rest.length] = p.code();
    }
    return out;
  }

  private static Provider row(ResultSet rs, int n) throws SQLException {
    return new Provider(
        rs.getString("code"),
        rs.getString("name"),
        rs.getBoolean("enabled"),
        rs.getString("lock_id_rule"),
        new Provider.Revocation(
            rs.getString("revocation_mode"),
            rs.getString("revocation_failure"),
            lines(rs.getString("crl_urls"), "\n"),
            rs.getString("ocsp_url"),
            rs.getString("ocsp_responder_pem")),
        rs.getString("anchors_pem"),
        lines(rs.getString("algorithms"), ","),
        lines(rs.getString("relaxed_profile_rules"), ","),
        rs.getString("application_url"),
        rs.getString("updated_by"),
        instant(rs.getObject("updated_at", OffsetDateTime.class)));
  }

  private static List<String> lines(@Nullable String text, String separator) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(separator))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static Instant instant(OffsetDateTime t) {
    return t.toInstant();
  }
}
