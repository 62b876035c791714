package io.certgate.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL 15 cluster from Debian's binaries: initdb in a folder of its own, started
 * on a free loopback port, stopped and deleted by {@link #close()}. initdb refuses to run as root,
 * so as root every server command runs through {@code runuser -u postgres}.
 *
 * <p>Durability is relaxed ({@code fsync=off}, {@code synchronous_commit=off}): the benchmark
 * measures the server's CPU and latency, not the disk of a shared build machine; a crash loses only
 * data that is regenerated anyway.
 */
public final class PostgresCluster implements AutoCloseable {
  /** Where Debian installs the server binaries. */
  public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  private final Path dir;
  private final int port;

  private PostgresCluster(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Whether the server binaries are installed here. */
  public static boolean available() {
    return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"));
  }

  /** Creates and starts a cluster in a new temporary folder under {@code parent}. */
  public static PostgresCluster start(Path parent) {
    try {
      Files.createDirectories(parent);
      Path dir = Files.createTempDirectory(parent, "pg");
      int port = freePort();
      if (isRoot()) {
        run(List.of("chown", "-R", "postgres", dir.toString()), false);
      }
      Path data = dir.resolve("data");
      run(
          List.of(
              BIN.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              "postgres",
              "-A",
              "trust",
              "-E",
              "UTF8",
              "--locale=C",
              "--no-sync"),
          true);
      run(
          List.of(
              BIN.resolve("pg_ctl").toString(),
              "-D",
              data.toString(),
              "-l",
              dir.resolve("log").toString(),
              "-w",
              "-o",
              "-p "
                  + port
                  + " -k "
                  + dir
                  + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                  + " -c full_page_writes=off -c shared_buffers=512MB -c max_wal_size=4GB"
                  + " -c checkpoint_timeout=30min",
              "start"),
          true);
      return new PostgresCluster(dir, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** The JDBC URL of the {@code postgres} database (user {@code postgres}, no password). */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public String user() {
    return "postgres";
  }

  /** A new connection to the database; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user(), "");
  }

  /** CPU time of the postmaster and its live backends so far. */
  public Duration cpuTime() {
    try {
      String pid = Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).get(0).trim();
      return ProcessCpu.ofTree(Long.parseLong(pid));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the cluster at once and deletes its folder. */
  @Override
  public void close() {
    try {
      run(
          List.of(
              BIN.resolve("pg_ctl").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-m",
              "immediate",
              "-w",
              "stop"),
          true);
      run(List.of("rm", "-rf", dir.toString()), false);
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

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void run(List<String> command, boolean asPostgres) throws IOException {
    List<String> full = new ArrayList<>();
    if (asPostgres && isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", full) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
