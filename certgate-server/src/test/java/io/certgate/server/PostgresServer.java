package io.certgate.server;

import io.certgate.testdb.ThrowawayPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The throw-away PostgreSQL 15 clusters of the server's tests ({@link ThrowawayPostgres}).
 *
 * <p>{@link #get()} is the instance the Postgres* suites of one JVM share; a test that stops the
 * database takes its own from {@link #dedicated()}, so the shared one never goes away under others.
 * Both are deleted when the JVM exits.
 */
public final class PostgresServer {
  private static ThrowawayPostgres instance;

  private PostgresServer() {}

  /** Whether the server binaries are installed here. */
  public static boolean available() {
    return ThrowawayPostgres.available();
  }

  /** The one server of the test JVM, started on first use. */
  public static synchronized ThrowawayPostgres get() {
    if (instance == null) {
      try {
        instance = dedicated();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage(), e);
      }
    }
    return instance;
  }

  /**
   * A server of its own (own folder, own port) for a test that stops and restarts it; closing it
   * deletes it, the JVM's exit does too if the test does not.
   */
  public static ThrowawayPostgres dedicated() throws IOException {
    ThrowawayPostgres pg =
        ThrowawayPostgres.create(Path.of(System.getProperty("java.io.tmpdir")), List.of());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    pg.close();
                  } catch (IOException e) {
                    // the JVM is exiting; a leftover temp folder is all that remains
                  }
                }));
    return pg;
  }
}
