package io.certgate.testdb;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 cluster of its own: initdb in a new folder, started on a free loopback port,
 * stopped and deleted by {@link #close()}. initdb refuses to run as root, so as root every server
 * command runs through {@code runuser -u postgres}.
 *
 * <p>Durability is off ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes}): the
 * data is thrown away, and tests and benchmarks should measure the server, not a shared machine's
 * disk. The database is created with {@code --locale=C} and UTF-8.
 */
public final class ThrowawayPostgres implements AutoCloseable {
  /** Where Debian installs the server binaries. */
  public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  private static final String DURABILITY_OFF =
      " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";

  private final Path dir;
  private final int port;
  private final String options;

  private ThrowawayPostgres(Path dir, int port, String options) {
    this.dir = dir;
    this.port = port;
    this.options = options;
  }

  /** Whether the server binaries are installed here. */
  public static boolean available() {
    return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"));
  }

  /**
   * Creates and starts a cluster in a new folder under {@code parent}.
   *
   * @param settings extra server settings as {@code name=value} (e.g. {@code shared_buffers=512MB})
   */
  public static ThrowawayPostgres create(Path parent, List<String> settings) throws IOException {
    StringBuilder extra = new StringBuilder(DURABILITY_OFF);
    for (String setting : settings) {
      // one pg_ctl -o string carries them all: nothing else may slip in
      if (!setting.matches("[a-z_]+=[A-Za-z0-9._]+")) {
        throw new IllegalArgumentException("not a name=value setting: " + setting);
      }
      extra.append(" -c ").append(setting);
    }
    Files.createDirectories(parent);
    Path dir = Files.createTempDirectory(parent, "certgate-pg");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1" + extra;
    if (isRoot()) {
      run(List.of("chown", "-R", "postgres", dir.toString()), false);
    }
    run(
        List.of(
            BIN.resolve("initdb").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync"),
        true);
    ThrowawayPostgres postgres = new ThrowawayPostgres(dir, port, options);
    postgres.start();
    return postgres;
  }

  /** The JDBC URL of the {@code postgres} database (user {@code postgres}, no password). */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** The database user: {@code postgres}, trusted on loopback. */
  public String user() {
    return "postgres";
  }

  /** The postmaster's process id, while the server runs. */
  public long postmasterPid() throws IOException {
    return Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).trim());
  }

  /**
   * Stops the server the way an operator's restart does ({@code pg_ctl stop -m fast}): open
   * connections are terminated, open transactions roll back, new connections are refused.
   */
  public synchronized void stop() throws IOException {
    run(List.of(pgCtl(), "-D", data().toString(), "-m", "fast", "-w", "stop"), true);
  }

  /** Starts the server (again) on its port and data. */
  public synchronized void start() throws IOException {
    run(
        List.of(
            pgCtl(),
            "-D",
            data().toString(),
            "-l",
            dir.resolve("log").toString(),
            "-w",
            "-o",
            options,
            "start"),
        true);
  }

  /** Stops the server at once and deletes its folder (also when already stopped). */
  @Override
  public synchronized void close() throws IOException {
    if (Files.exists(data().resolve("postmaster.pid"))) {
      run(List.of(pgCtl(), "-D", data().toString(), "-m", "immediate", "-w", "stop"), true);
    }
    run(List.of("rm", "-rf", dir.toString()), false);
  }

  private Path data() {
    return dir.resolve("data");
  }

  private static String pgCtl() {
    return BIN.resolve("pg_ctl").toString();
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
