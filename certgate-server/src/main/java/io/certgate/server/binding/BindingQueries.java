package io.certgate.server.binding;

import io.certgate.server.account.AccountPrincipal;
import io.certgate.server.binding.internal.ListingScope;
import io.certgate.server.binding.internal.ListingTotals;
import io.certgate.server.binding.internal.UserPages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The two listings of the CA pages, scoped to what the actor may see ({@link ListingScope}). The
 * scope is part of the SQL, so paging and totals never count hidden rows. Each page is one walk of
 * an index range that starts with the scope and runs in the listing's order (V21), so a page of an
 * organisation with 100,000 users costs about as much at its end as at its start.
 */
@Component
class BindingQueries {
  private static final String BINDING_SELECT =
      "SELECT "
          + JdbcBindings.COLUMNS
          + ", p.name AS provider_name, u.username, u.display_name FROM ca_bindings b"
          + " JOIN ca_providers p ON p.code = b.provider_code JOIN users u ON u.id = b.user_id";

  private final JdbcClient jdbc;
  private final ListingTotals totals;
  private final UserPages userPages;

  BindingQueries(JdbcClient jdbc, ListingTotals totals, UserPages userPages) {
    this.jdbc = jdbc;
    this.totals = totals;
    this.userPages = userPages;
  }

  /** One page of a listing; pages count from 1. */
  record Page<T>(long total, int page, int size, List<T> items) {}

  /** The last page number and the largest page either listing serves. */
  static final int MAX_PAGE = 100_000;

  static final int MAX_SIZE = 100;

  /** Whether a requested page and size lie within the limits (the API refuses others). */
  static boolean validPaging(int page, int size) {
    return page >= 1 && page <= MAX_PAGE && size >= 1 && size <= MAX_SIZE;
  }

  /** The nearest value within 1..max (the pages bring a typed-in page number into range). */
  static int clamp(int value, int max) {
    return Math.max(1, Math.min(value, max));
  }

  /** A row of the CA用户管理 table. */
  record CaUser(
      long userId,
      String username,
      String displayName,
      @Nullable String organizationName,
      boolean bound,
      List<BindingView> bindings,
      String createdBy,
      Instant createdAt) {}

  /** A row of the bindings view: a binding with its account. */
  record BindingItem(
      long id,
      long userId,
      String providerCode,
      String providerName,
      String lockId,
      String certificateName,
      String serialNumber,
      Instant notAfter,
      String boundBy,
      Instant boundAt,
      String username,
      String displayName) {}

  Page<CaUser> users(
      AccountPrincipal actor,
      @Nullable Long organizationId,
      @Nullable String name,
      @Nullable Boolean bound,
      int page,
      int size) {
    UserPages.Ids found =
        userPages.find(ListingScope.of(actor, organizationId), name, bound, page, size);
    if (found.ids().isEmpty()) {
      return new Page<>(found.total(), page, size, List.of());
    }
    List<CaUser> rows =
        jdbc.sql(
                "SELECT u.id, u.username, u.display_name, o.name AS organization_name,"
                    + " u.created_by, u.created_at FROM users u"
                    + " LEFT JOIN organizations o ON o.id = u.organization_id"
                    + " WHERE u.id IN (:ids) ORDER BY u.id")
            .param("ids", found.ids())
            .query(BindingQueries::caUser)
            .list();
    return new Page<>(found.total(), page, size, withBindings(rows));
  }

  private List<CaUser> withBindings(List<CaUser> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, List<BindingView>> byUser = new HashMap<>();
    jdbc.sql(BINDING_SELECT + " WHERE b.user_id IN (:ids) ORDER BY b.id")
        .param("ids", rows.stream().map(CaUser::userId).toList())
        .query(BindingQueries::item)
        .list()
        .forEach(i -> byUser.computeIfAbsent(i.userId(), k -> new ArrayList<>()).add(view(i)));
    return rows.stream()
        .map(
            r -> {
              List<BindingView> b = byUser.getOrDefault(r.userId(), List.of());
              return new CaUser(
                  r.userId(),
                  r.username(),
                  r.displayName(),
                  r.organizationName(),
                  !b.isEmpty(),
                  b,
                  r.createdBy(),
                  r.createdAt());
            })
        .toList();
  }

  Page<BindingItem> bindings(
      AccountPrincipal actor,
      @Nullable Long organizationId,
      @Nullable String account,
      @Nullable String name,
      int page,
      int size) {
    ListingScope scope = ListingScope.of(actor, organizationId);
    Map<String, Object> p = new HashMap<>();
    StringBuilder where = new StringBuilder(scope.onBindings("b", p));
    boolean byUser = false;
    if (account != null && !account.isBlank()) {
      where.append(" AND u.username LIKE :account");
      p.put("account", UserPages.contains(account));
      byUser = true;
    }
    if (name != null && !name.isBlank()) {
      where.append(" AND u.display_name LIKE :name");
      p.put("name", UserPages.contains(name));
      byUser = true;
    }
    // The users are joined only to filter by them, and then scoped too, so that the filter is
    // checked on the organisation's index range rather than on every user.
    String from =
        byUser
            ? " FROM ca_bindings b JOIN users u ON u.id = b.user_id WHERE "
                + scope.onUsers(p)
                + " AND "
            : " FROM ca_bindings b WHERE ";
    long total = totals.total("SELECT COUNT(*)" + from + where, p, kept(scope, byUser));
    if (!within(total, page, size, p)) {
      return new Page<>(total, page, size, List.of());
    }
    List<BindingItem> items =
        jdbc.sql(
                BINDING_SELECT
                    + " JOIN (SELECT b.id"
                    + from
                    + where
                    + " ORDER BY b.bound_at DESC, b.id DESC LIMIT :limit OFFSET :offset) k"
                    + " ON k.id = b.id ORDER BY b.bound_at DESC, b.id DESC")
            .params(p)
            .query(BindingQueries::item)
            .list();
    return new Page<>(total, page, size, items);
  }

  /** The organisation whose totals may be kept: not with a typed-in filter (ListingTotals). */
  private static Optional<Long> kept(ListingScope scope, boolean filteredByName) {
    return filteredByName ? Optional.empty() : Optional.ofNullable(scope.organizationId());
  }

  /** Whether the page holds rows at all; if so, puts its LIMIT and OFFSET into {@code params}. */
  private static boolean within(long total, int page, int size, Map<String, Object> params) {
    long offset = (long) (page - 1) * size;
    params.put("limit", size);
    params.put("offset", offset);
    return offset < total;
  }

  Optional<BindingView> view(long bindingId) {
    return jdbc.sql(BINDING_SELECT + " WHERE b.id = :id")
        .param("id", bindingId)
        .query(BindingQueries::item)
        .optional()
        .map(BindingQueries::view);
  }

  static BindingView view(BindingItem i) {
    return new BindingView(
        i.id(),
        i.userId(),
        i.providerCode(),
        i.providerName(),
        i.lockId(),
        i.certificateName(),
        i.serialNumber(),
        i.notAfter(),
        i.boundBy(),
        i.boundAt());
  }

  private static CaUser caUser(ResultSet rs, int n) throws SQLException {
    return new CaUser(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("organization_name"),
        false,
        List.of(),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private static BindingItem item(ResultSet rs, int n) throws SQLException {
    Binding b = JdbcBindings.row(rs, n);
    return new BindingItem(
        b.id(),
        b.userId(),
        b.providerCode(),
        rs.getString("provider_name"),
        b.lockId(),
        b.certificateName(),
        b.serialNumber(),
        b.notAfter(),
        b.boundBy(),
        b.boundAt(),
        rs.getString("username"),
        rs.getString("display_name"));
  }
}
