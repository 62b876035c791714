package io.certgate.loadgen;

import io.certgate.core.token.TokenAlgorithm;
import io.certgate.testpki.CrlServer;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds a migrated, running server's database per a {@link SeedPlan}: region, providers and the big
 * organisation with its administrator through the API ({@link AdminSetup}); then the synthetic
 * organisations, users and bindings with COPY ({@link BulkUsers}, {@link BulkBindings}). Every
 * synthetic user gets the password hash the server computed for the big organisation's
 * administrator, so all share one password and no hash is computed a million times.
 *
 * <p>The server builds its trust registry on first use, so providers written here are seen by the
 * first CA login without a restart.
 */
public final class Seeder {
  private final SeedPlan plan;
  private final Clock clock;
  private final SecureRandom random;

  public Seeder(SeedPlan plan, Clock clock, SecureRandom random) {
    this.plan = plan;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Seeds.
   *
   * @param db a connection to the server's database (autocommit)
   * @param admin a session logged in as platform administrator
   * @param crls the CRL server the providers' CRLs are served from (kept running by the caller)
   */
  public SeedResult seed(Connection db, WebSession admin, CrlServer crls) throws SQLException {
    Map<String, Duration> timings = new LinkedHashMap<>();
    Progress.say("seeding through the admin API: region, providers, big organisation");
    Instant start = Instant.now();
    AdminSetup setup = new AdminSetup(admin);
    setup.region();
    BenchPki pki = BenchPki.create(crls);
    setup.providers(pki, crls);
    long[] big = setup.bigOrganization(CreditCodes.of(AdminSetup.REGION, 0));
    String hash = queryString(db, "SELECT password_hash FROM users WHERE id = ?", big[1]);
    timings.put("admin API: region, providers, big organisation", since(start));

    Progress.say(
        "issuing "
            + plan.realUsersPerAlgorithm()
            + " real users per algorithm (dual certificates)");
    Instant issuing = Instant.now();
    Map<TokenAlgorithm, List<UserCredentials>> issued = pki.issue(plan.realUsersPerAlgorithm());
    timings.put("issue real certificates", since(issuing));

    Instant now = clock.instant();
    long firstOrg = queryLong(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM organizations");
    long firstUser = queryLong(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM users");
    BulkUsers bulk = new BulkUsers(db, plan, hash, now);
    SecondaryIndexes indexes =
        SecondaryIndexes.drop(db, List.of("organizations", "users", "user_roles", "ca_bindings"));
    Progress.say(
        "COPY " + plan.smallOrganizations() + " organisations, " + plan.users() + " users");
    Instant copying = Instant.now();
    long orgs = bulk.organizations(firstOrg) + 1;
    Placement at =
        new Placement(
            firstUser,
            big[0],
            firstOrg,
            plan.bigOrganizationUsers() - 1,
            plan.usersPerOrganization());
    int synthetic = plan.users() - 1 - 3 * plan.realUsersPerAlgorithm();
    int[] bindingCounts = new int[plan.users() - 1];
    int[] syntheticCounts =
        BulkBindings.syntheticCounts(
            synthetic, plan.bindings() - 3L * plan.realUsersPerAlgorithm());
    System.arraycopy(syntheticCounts, 0, bindingCounts, 0, synthetic);
    for (int i = synthetic; i < bindingCounts.length; i++) {
      bindingCounts[i] = 1; // a real user: its one real certificate
    }
    long users = bulk.users(at, bindingCounts) + 1;
    timings.put("COPY organizations, users, roles", since(copying));

    Map<TokenAlgorithm, List<BenchUser>> realUsers = new EnumMap<>(TokenAlgorithm.class);
    List<BulkBindings.Real> real = new ArrayList<>();
    List<TestProvider> providers = new ArrayList<>();
    for (int a = 0; a < BenchPki.ALGORITHMS.size(); a++) {
      TokenAlgorithm alg = BenchPki.ALGORITHMS.get(a);
      TestProvider provider = pki.provider(alg);
      providers.add(provider);
      List<BenchUser> list = new ArrayList<>();
      List<UserCredentials> creds = issued.get(alg);
      for (int j = 0; j < creds.size(); j++) {
        int index = synthetic + a * plan.realUsersPerAlgorithm() + j;
        UserCredentials c = creds.get(j);
        BenchUser u =
            new BenchUser(
                at.userId(index),
                BulkUsers.username(index),
                provider.code(),
                alg,
                c.lockId(),
                c.signature().certificate(),
                c.signature().privateKey());
        list.add(u);
        real.add(
            new BulkBindings.Real(
                u.userId(),
                at.organizationOf(index),
                u.providerCode(),
                u.lockId(),
                u.certificate()));
      }
      realUsers.put(alg, List.copyOf(list));
    }
    Progress.say("COPY " + plan.bindings() + " bindings");
    Instant binding = Instant.now();
    long bindings =
        new BulkBindings(db, now, random).write(real, providers, at, synthetic, plan.bindings());
    timings.put("COPY bindings", since(binding));

    Progress.say("building the secondary indexes again");
    Instant indexing = Instant.now();
    indexes.rebuild(db);
    timings.put("CREATE INDEX (secondary indexes dropped for COPY)", since(indexing));

    Progress.say("ANALYZE");
    Instant finishing = Instant.now();
    try (Statement s = db.createStatement()) {
      for (String table : List.of("organizations", "users", "ca_bindings")) {
        s.execute(
            "SELECT setval(pg_get_serial_sequence('"
                + table
                + "', 'id'), (SELECT MAX(id) FROM "
                + table
                + "))");
      }
      // COPY bypasses the server, which bumps an organisation's listing version on each write so
      // that nodes drop cached listing totals (V21_1): bump it once for everything copied
      s.execute("UPDATE organizations SET listing_version = listing_version + 1");
      s.execute("ANALYZE");
    }
    timings.put("sequences, ANALYZE", since(finishing));
    return new SeedResult(
        AdminSetup.REGION,
        big[0],
        AdminSetup.BIG_ORG_ADMIN,
        AdminSetup.PASSWORD,
        users,
        bindings,
        orgs,
        realUsers,
        timings);
  }

  private static Duration since(Instant start) {
    return Duration.between(start, Instant.now());
  }

  static long queryLong(Connection db, String sql, Object... params) throws SQLException {
    return Long.parseLong(queryString(db, sql, params));
  }

  static String queryString(Connection db, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no row: " + sql);
        }
        return rs.getString(1);
      }
    }
  }
}
