package io.certgate.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL 15 from Debian's binaries: initdb in a temporary folder, started on a
 * free loopback port, stopped and deleted when the JVM exits. initdb refuses to run as root, so as
 * root it runs through {@code runuser -u postgres}.
 *
 * <p>{@link #get()} is the instance the Postgres* suites of one JVM share; a test that stops the
 * database takes its own from {@link #dedicated()}, so the shared one never goes away under others.
 */
public final class PostgresServer implements AutoCloseable {
  public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  private static PostgresServer instance;

  private final Path dir;
  private final int port;

  private PostgresServer(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Whether the server binaries are installed here. */
  public static boolean available() {
    return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"));
  }

  /** The one server of the test JVM, started on first use. */
  public static synchronized PostgresServer get() {
    if (instance == null) {
      try {
        instance = create();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage(), e);
      }
    }
    return instance;
  }

  /**
   * A server of its own (own folder, own port) for a test that stops and restarts it; {@link
   * #close()} deletes it, the JVM's exit does too if the test does not.
   */
  public static PostgresServer dedicated() throws IOException {
    return create();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /**
   * Stops the server the way an operator's restart does ({@code pg_ctl stop -m fast}): open
   * connections are terminated, open transactions roll back, new connections are refused.
   */
  public synchronized void stop() throws IOException {
    run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "stop"), true);
  }

  /** Starts a stopped server again on the same port and data. */
  public synchronized void start() throws IOException {
    run(
        List.of(
            BIN.resolve("pg_ctl").toString(),
            "-D",
            data(),
            "-l",
            dir.resolve("log").toString(),
            "-w",
            "-o",
            options(dir, port),
            "start"),
        true);
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  private static String options(Path dir, int port) {
    return "-p "
        + port
        + " -k "
        + dir
        + " -c listen_addresses=127.0.0.1 -c fsync=off"
        + " -c synchronous_commit=off -c full_page_writes=off";
  }

  private static PostgresServer create() throws IOException {
    Path dir = Files.createTempDirectory("certgate-pg");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
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
            options(dir, port),
            "start"),
        true);
    PostgresServer server = new PostgresServer(dir, port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    return server;
  }

  /** Stops the server at once and deletes its folder (also safe when already stopped). */
  @Override
  public synchronized void close() {
    try {
      if (Files.exists(dir.resolve("data/postmaster.pid"))) {
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
      }
      run(List.of("rm", "-rf", dir.toString()), false);
    } catch (IOException e) {
      // the JVM is exiting; a leftover temp folder is all that remains
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
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", full) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
