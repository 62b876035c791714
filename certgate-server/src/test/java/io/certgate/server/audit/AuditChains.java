package io.certgate.server.audit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A migrated database (H2 in memory, or the JDBC URL given) with audit logs and verifiers over it,
 * for tests and the benchmark that need many rows, several keys or direct tampering.
 */
final class AuditChains {
  final DataSource dataSource;
  final JdbcClient jdbc;
  private final DataSourceTransactionManager transactions;

  AuditChains(String url, String user, String password) {
    this(url, user, password, true);
  }

  /** Over the database at {@code url}, migrated first when {@code migrate}. */
  AuditChains(String url, String user, String password, boolean migrate) {
    DriverManagerDataSource ds = new DriverManagerDataSource(url, user, password);
    if (migrate) {
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    }
    this.dataSource = ds;
    this.jdbc = JdbcClient.create(ds);
    this.transactions = new DataSourceTransactionManager(ds);
  }

  static AuditChains h2(String name) {
    return new AuditChains(
        "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "sa",
        "");
  }

  static AuditKey newKey(AuditKey.Algorithm algorithm) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return AuditKey.of(algorithm, secret);
  }

  AuditLog log(AuditKeys keys, int checkpointEvery) {
    return new AuditLog(
        jdbc,
        new JdbcTemplate(dataSource),
        transactions,
        Clock.systemUTC(),
        new SimpleMeterRegistry(),
        keys,
        checkpointEvery);
  }

  AuditVerifier verifier(AuditLog log, AuditKeys keys) {
    return new AuditVerifier(log, keys);
  }

  /** Appends {@code n} rows in batches of 500 (each batch one transaction). */
  void fill(AuditLog log, long n) {
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    for (long done = 0; done < n; ) {
      int size = (int) Math.min(500, n - done);
      List<AuditLog.Row> rows = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        rows.add(
            new AuditLog.Row(
                at,
                "user" + (done + i),
                "LOGIN_PASSWORD",
                "user:" + i,
                "127.0.0.1",
                "SUCCESS",
                ""));
      }
      new TransactionTemplate(transactions).executeWithoutResult(s -> log.write(rows));
      done += size;
    }
  }
}
