package io.certgate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One running platform for the whole test run: the server, the agent and the keys it holds. Started
 * on first use and stopped when the test JVM exits, because a cold server start costs far more than
 * any single test.
 */
final class Platform {
  private static Platform running;
  private static RuntimeException failure;

  final TestKeys keys;
  final PlatformServer server;
  final LocalAgent agent;

  /** Whether the agent's SoftHSM2 tokens count wrong PINs (the lockout module could be built). */
  final boolean pinsCounted;

  private Platform(TestKeys keys, PlatformServer server, LocalAgent agent, boolean pinsCounted) {
    this.keys = keys;
    this.server = server;
    this.agent = agent;
    this.pinsCounted = pinsCounted;
  }

  static synchronized Platform get() {
    if (failure != null) {
      throw failure; // one failed start is reported by every test, not retried by each
    }
    if (running == null) {
      try {
        running = start();
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
    }
    return running;
  }

  static Path jar(String property) {
    return Path.of(System.getProperty(property, "missing-" + property))
        .toAbsolutePath()
        .normalize();
  }

  private static Platform start() {
    try {
      Path work =
          Files.createDirectories(
              Path.of(System.getProperty("certgate.e2e.work", "target/e2e"))
                  .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss-SSS")))
                  .toAbsolutePath());
      TestKeys keys = TestKeys.create(work);
      int serverPort = JarProcess.freePort();
      int agentPort = JarProcess.freePort();
      PlatformServer server =
          PlatformServer.start(
              jar("certgate.e2e.server-jar"),
              work,
              serverPort,
              LocalAgent.url(agentPort),
              jar("certgate.e2e.agent-jar"));
      Optional<Map<String, String>> lockout =
          PinLockout.agentEnvironment(work, keys.softHsm().modulePath());
      Map<String, String> agentEnvironment = new HashMap<>(lockout.orElse(Map.of()));
      keys.skf.ifPresent(skf -> agentEnvironment.putAll(skf.agentEnvironment()));
      LocalAgent agent =
          new LocalAgent(
              jar("certgate.e2e.agent-jar"),
              work,
              agentPort,
              server.origin(),
              keys,
              agentEnvironment);
      try {
        Providers.register(server, keys.providers());
        agent.start();
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      return new Platform(keys, server, agent, lockout.isPresent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stop() {
    agent.close();
    server.close();
  }
}
