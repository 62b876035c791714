package io.certgate.server.audit;

import io.certgate.server.PostgresServer;
import io.certgate.testdb.ThrowawayPostgres;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** {@link KeyedAuditChainTest} on a real PostgreSQL 15: a new database per test. */
class PostgresKeyedAuditChainIT extends KeyedAuditChainTest {
  private static final AtomicInteger SEQ = new AtomicInteger();

  @BeforeAll
  static void needsPostgres() {
    Assumptions.assumeTrue(
        PostgresServer.available(), "PostgreSQL 15 server binaries are not installed");
  }

  @Override
  AuditChains database() {
    if (!PostgresServer.available()) {
      return super.database(); // the class is skipped anyway
    }
    ThrowawayPostgres pg = PostgresServer.get();
    String name = "keyed_audit_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
    new AuditChains(pg.jdbcUrl(), pg.user(), "", false)
        .jdbc
        .sql("CREATE DATABASE " + name)
        .update();
    return new AuditChains(pg.jdbcUrl().replace("/postgres", "/" + name), pg.user(), "");
  }
}
