package io.certgate.server;

/** The database settings of the test contexts. */
final class PlatformDatabases {
  static final String H2 =
      "spring.datasource.url=jdbc:h2:mem:certgate-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

  private PlatformDatabases() {}
}
