package io.certgate.server;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;

/** {@link PasswordChangeSuite} on a real PostgreSQL 15. */
@ContextConfiguration(initializers = PostgresInitializer.class)
class PostgresPasswordChangeIT extends PasswordChangeSuite {
  @BeforeAll
  static void needsPostgres() {
    Assumptions.assumeTrue(
        PostgresServer.available(), "PostgreSQL 15 server binaries are not installed");
  }
}
