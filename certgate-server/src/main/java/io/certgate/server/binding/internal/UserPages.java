package io.certgate.server.binding.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which users a page of CA用户管理 shows, in id order, and how many there are in all: the costly half
 * of the listing, kept to one walk of an index range per page (V21). The rows themselves are read
 * afterwards by id.
 *
 * <ul>
 *   <li>Without 用户名称, the total is {@link ListingTotals kept}; the page walks the organisation's
 *       users (or, for 已绑定, only its bindings) up to the page, never the rows.
 *   <li>With 用户名称, {@code LIKE '%…%'} has to look at every user of the organisation anyway, so one
 *       walk both counts and pages.
 * </ul>
 *
 * <p>Organisations large enough are answered from memory instead ({@link UserIndexes}), exactly the
 * same; the metric {@code certgate.listing.answers} counts answers by {@code source}.
 */
@Component
public final class UserPages {
  private final JdbcClient jdbc;
  private final ListingTotals totals;
  private final UserIndexes memory;
  private final Counter fromMemory;
  private final Counter fromDatabase;

  UserPages(JdbcClient jdbc, ListingTotals totals, UserIndexes memory, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.totals = totals;
    this.memory = memory;
    this.fromMemory = answers(meters, "memory");
    this.fromDatabase = answers(meters, "database");
  }

  private static Counter answers(MeterRegistry meters, String source) {
    return Counter.builder("certgate.listing.answers")
        .description("CA用户管理 pages answered, by where the ids and total came from")
        .tag("source", source)
        .register(meters);
  }

  /** A page's user ids in order and the listing's total. */
  public record Ids(long total, List<Long> ids) {}

  public Ids find(
      ListingScope scope, @Nullable String name, @Nullable Boolean bound, int page, int size) {
    Long org = scope.organizationId();
    Optional<Ids> kept = org == null ? Optional.empty() : memory.find(org, name, bound, page, size);
    if (kept.isPresent()) {
      fromMemory.increment();
      return kept.get();
    }
    fromDatabase.increment();
    return inDatabase(scope, name, bound, page, size);
  }

  private Ids inDatabase(
      ListingScope scope, @Nullable String name, @Nullable Boolean bound, int page, int size) {
    Map<String, Object> p = new HashMap<>();
    StringBuilder where = new StringBuilder(scope.onUsers(p));
    boolean named = name != null && !name.isBlank();
    if (named) {
      // backslash is the default LIKE escape of PostgreSQL and H2 alike; spelling it out as
      // ESCAPE makes PostgreSQL's generic plan call like_escape() on every row
      where.append(" AND (u.display_name LIKE :name OR u.username LIKE :name)");
      p.put("name", contains(name));
    }
    if (bound != null) {
      // kept by every bind and unbind (V21_2); 未绑定 is then one range of its own index
      where.append(bound ? " AND u.binding_count > 0" : " AND u.binding_count = 0");
    }
    String count = "SELECT COUNT(*) FROM users u WHERE " + where;
    p.put("limit", size);
    p.put("offset", (long) (page - 1) * size);
    if (named) {
      List<long[]> rows =
          jdbc.sql(
                  "SELECT u.id, COUNT(*) OVER () FROM users u WHERE "
                      + where
                      + " ORDER BY u.id LIMIT :limit OFFSET :offset")
              .params(p)
              .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
              .list();
      long total =
          rows.isEmpty() ? jdbc.sql(count).params(p).query(Long.class).single() : rows.get(0)[1];
      return new Ids(total, rows.stream().map(r -> r[0]).toList());
    }
    long total = totals.total(count, filters(p), Optional.ofNullable(scope.organizationId()));
    if ((long) (page - 1) * size >= total) {
      return new Ids(total, List.of());
    }
    // 已绑定 pages walk the organisation's bindings alone (one entry per binding, grouped)
    String ids =
        Boolean.TRUE.equals(bound)
            ? "SELECT x.user_id FROM ca_bindings x WHERE "
                + scope.onBindings("x", p)
                + " GROUP BY x.user_id ORDER BY x.user_id"
            : "SELECT u.id FROM users u WHERE " + where + " ORDER BY u.id";
    return new Ids(
        total, jdbc.sql(ids + " LIMIT :limit OFFSET :offset").params(p).query(Long.class).list());
  }

  /** The parameters a count uses: all but the page's. */
  private static Map<String, Object> filters(Map<String, Object> params) {
    Map<String, Object> f = new HashMap<>(params);
    f.remove("limit");
    f.remove("offset");
    return f;
  }

  /** A LIKE pattern finding {@code text} anywhere, its wildcards taken literally. */
  public static String contains(String text) {
    String t = text.strip();
    return "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
