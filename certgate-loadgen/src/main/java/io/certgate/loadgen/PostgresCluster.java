package io.certgate.loadgen;

import io.certgate.testdb.ThrowawayPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The benchmark's PostgreSQL: a {@link ThrowawayPostgres} (durability off: the benchmark measures
 * the server's CPU and latency, not the disk of a shared build machine) with room for a seed of a
 * million rows in memory and no checkpoint in the middle of a run, and its CPU time.
 */
public final class PostgresCluster implements AutoCloseable {
  private static final List<String> SETTINGS =
      List.of("shared_buffers=512MB", "max_wal_size=4GB", "checkpoint_timeout=30min");

  private final ThrowawayPostgres postgres;

  private PostgresCluster(ThrowawayPostgres postgres) {
    this.postgres = postgres;
  }

  /** Whether the server binaries are installed here. */
  public static boolean available() {
    return ThrowawayPostgres.available();
  }

  /** Creates and starts a cluster in a new temporary folder under {@code parent}. */
  public static PostgresCluster start(Path parent) {
    try {
      return new PostgresCluster(ThrowawayPostgres.create(parent, SETTINGS));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** The JDBC URL of the {@code postgres} database (user {@code postgres}, no password). */
  public String jdbcUrl() {
    return postgres.jdbcUrl();
  }

  public String user() {
    return postgres.user();
  }

  /** A new connection to the database; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user(), "");
  }

  /** CPU time of the postmaster and its live backends so far. */
  public Duration cpuTime() {
    try {
      return ProcessCpu.ofTree(postgres.postmasterPid());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the cluster at once and deletes its folder. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
