package io.certgate.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * An organisation of 100,000 users seeded straight into PostgreSQL (one INSERT … SELECT each for
 * users and bindings, seconds instead of minutes through the API), and what its listings must show,
 * worked out here from the seeding rule rather than read back from the database.
 *
 * <p>Seed number {@code g} runs over 0..109,999 in insertion (so id) order; every eleventh seed
 * belongs to a neighbour organisation, interleaved so that the big one's rows are spread over the
 * whole table. A seed is {@code lst<g>} named 列表用户{@code <g>}; the big organisation's even seeds
 * are bound, and all of the neighbour's. Binding times repeat (5,000 distinct seconds), so the
 * bindings view's tie-break on id matters.
 */
final class BigOrganization {
  static final int SEEDS = 110_000;
  static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

  private final long organization;
  private final long neighbour;

  BigOrganization(long organization, long neighbour) {
    this.organization = organization;
    this.neighbour = neighbour;
  }

  static boolean inNeighbour(int g) {
    return g % 11 == 10;
  }

  static boolean bound(int g) {
    return inNeighbour(g) || g % 2 == 0;
  }

  /** Seconds after {@link #BASE} at which seed {@code g} was bound. */
  static int boundSecond(int g) {
    return (int) ((g * 7919L) % 5000);
  }

  static String username(int g) {
    return "lst" + g;
  }

  static String displayName(int g) {
    return "列表用户" + g;
  }

  static String lockId(int g) {
    return "lock-" + g;
  }

  /** The big organisation's seeds matching {@code filter}, in id order. */
  static List<Integer> members(IntPredicate filter) {
    return IntStream.range(0, SEEDS).filter(g -> !inNeighbour(g)).filter(filter).boxed().toList();
  }

  /** The big organisation's bound seeds matching {@code filter}, newest binding first. */
  static List<Integer> bindingsNewestFirst(IntPredicate filter) {
    return members(g -> bound(g) && filter.test(g)).stream()
        .sorted(
            Comparator.comparingInt(BigOrganization::boundSecond)
                .thenComparingInt(g -> g)
                .reversed())
        .toList();
  }

  /** Inserts the seeds and their bindings under {@code providerCode}, then VACUUM ANALYZE. */
  void seed(DataSource dataSource, String providerCode) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement users =
          c.prepareStatement(
              "INSERT INTO users (organization_id, username, display_name, mobile, password_hash,"
                  + " status, created_by, created_at, binding_count)"
                  + " SELECT CASE WHEN g % 11 = 10 THEN ? ELSE ? END, 'lst' || g, '列表用户' || g,"
                  + " '100' || lpad(g::text, 8, '0'), 'x', 'ENABLED', 'seed',"
                  + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + g * INTERVAL '1 second',"
                  + " CASE WHEN g % 11 = 10 OR g % 2 = 0 THEN 1 ELSE 0 END"
                  + " FROM generate_series(0, ?) g ORDER BY g")) {
        users.setLong(1, neighbour);
        users.setLong(2, organization);
        users.setInt(3, SEEDS - 1);
        users.executeUpdate();
      }
      try (PreparedStatement bindings =
          c.prepareStatement(
              "INSERT INTO ca_bindings (user_id, provider_code, lock_id, certificate_name,"
                  + " serial_number, subject, issuer, fingerprint, certificate, not_after,"
                  + " bound_by, bound_at, organization_id)"
                  + " SELECT u.id, ?, 'lock-' || g, 'CN=' || u.display_name, to_hex(g),"
                  + " 'CN=' || u.display_name, 'CN=Seed CA', md5(g::text) || md5(g::text), 'MA==',"
                  + " TIMESTAMP WITH TIME ZONE '2027-01-01 00:00:00+00', 'seed',"
                  + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'"
                  + " + ((g::bigint * 7919) % 5000) * INTERVAL '1 second', u.organization_id"
                  + " FROM generate_series(0, ?) g JOIN users u ON u.username = 'lst' || g"
                  + " WHERE g % 11 = 10 OR g % 2 = 0 ORDER BY g")) {
        bindings.setString(1, providerCode);
        bindings.setInt(2, SEEDS - 1);
        bindings.executeUpdate();
      }
      try (Statement s = c.createStatement()) {
        // written past the application (binding counts above, V21_2): move the listings'
        // version on as its writes do (V21_1)
        s.executeUpdate(
            "UPDATE organizations SET listing_version = listing_version + 1 WHERE id IN ("
                + organization
                + ", "
                + neighbour
                + ")");
        s.execute("VACUUM ANALYZE users");
        s.execute("VACUUM ANALYZE ca_bindings");
      }
    }
  }
}
