package io.certgate.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code certgate-server.jar} started as its own process ({@code java -jar}, as an
 * operator starts it), so its CPU time can be read from {@code /proc/<pid>/stat} apart from the
 * load generator's own.
 */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int port;

  private ServerProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts the server on a free port and waits until {@code /actuator/health} answers.
   *
   * @param jar the server jar
   * @param environment variables added to this process's environment (database URL, admin …)
   * @param args extra Spring arguments ({@code --certgate.login.ip-attempts=…})
   * @param heap the {@code -Xmx} value, e.g. {@code 1g}; further JVM options come from the
   *     environment variable {@code CERTGATE_LOADGEN_SERVER_OPTS}
   * @param log where the server's console goes
   */
  /** One generated audit key for every server this JVM starts (they may share a database). */
  private static final String AUDIT_KEY = generatedKey();

  private static String generatedKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }

  public static ServerProcess start(
      Path jar, Map<String, String> environment, List<String> args, String heap, Path log) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build it first (mvn -pl certgate-server -am package)");
    }
    int port = PostgresCluster.freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx" + heap, "-Xms" + heap, "-Dfile.encoding=UTF-8"));
    // e.g. a JFR recording for profiling: -XX:StartFlightRecording=filename=server.jfr
    String extra = System.getenv().getOrDefault("CERTGATE_LOADGEN_SERVER_OPTS", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("LANG", "C.UTF-8");
    builder.environment().put("CERTGATE_PUBLIC_ORIGIN", "http://127.0.0.1:" + port);
    // a benchmark sends no real SMS; the environment given may still choose otherwise
    builder.environment().put("CERTGATE_SMS_GATEWAY", "log");
    builder.environment().put("CERTGATE_AUDIT_KEY", AUDIT_KEY);
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      builder.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
      ServerProcess server = new ServerProcess(builder.start(), log, port);
      try {
        server.awaitHealthy(Duration.ofMinutes(4));
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the server", e);
    }
  }

  /** The origin tokens are signed for: {@code http://127.0.0.1:<port>}. */
  public String origin() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** The server's CPU time so far (user + system, all threads), from {@code /proc}. */
  public Duration cpuTime() {
    return ProcessCpu.of(process.pid());
  }

  /** CPU time of the server's JIT compiler threads so far. */
  public Duration jitCpuTime() {
    return ProcessCpu.jitOf(process.pid());
  }

  /** The server's console output so far. */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitHealthy(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    URI health = URI.create(origin() + "/actuator/health");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with " + process.exitValue() + tail());
      }
      try {
        HttpURLConnection c = (HttpURLConnection) health.toURL().openConnection();
        c.setConnectTimeout(1000);
        c.setReadTimeout(5000);
        if (c.getResponseCode() == 200) {
          c.getInputStream().readAllBytes();
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      sleep(250);
    }
    throw new IllegalStateException("the server did not become healthy in " + timeout + tail());
  }

  private String tail() {
    String text = log();
    return "; its log (" + log + ") ends:\n" + text.substring(Math.max(0, text.length() - 3000));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the server (SIGTERM, then SIGKILL after 20 s) and waits for it. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
