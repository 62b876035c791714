package io.certgate.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged {@code certgate-server.jar} on a free port with the demo profile (seeded region,
 * organisation and users; SMS codes written to the log), a fresh H2 data folder and the captcha
 * policy {@code after-failures}.
 *
 * <p>All tests of a run come from 127.0.0.1, so the per-IP limits that protect a real platform are
 * raised here; the captcha still turns on for an account after its own failed logins.
 */
final class PlatformServer implements AutoCloseable {
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "E2e#Platform2026";

  /** The demo profile's seeded users (see the server's demo seeder). */
  static final String ORG_ADMIN = "dahe-admin";

  static final String ORG_ADMIN_PASSWORD = "Cg#OrgAdmin2026";
  static final String MEMBER_PASSWORD = "Cg#Member2026";

  private static final Pattern SMS = Pattern.compile("SMS to (\\d+): \\D*(\\d{6})");

  private final int port;
  private final JarProcess process;
  private final Path packages;

  private PlatformServer(int port, JarProcess process, Path packages) {
    this.port = port;
    this.process = process;
    this.packages = packages;
  }

  /**
   * The folder of client packages the 驱动下载 page serves (empty at start; a test that puts packages
   * there removes them again).
   */
  Path packages() {
    return packages;
  }

  /** Starts the server and waits until it answers (a cold start on a busy machine is slow). */
  static PlatformServer start(Path jar, Path work, int port, String agentUrl, Path agentJar) {
    String origin = "http://localhost:" + port;
    Map<String, String> env =
        Map.of(
            "CERTGATE_DATA_DIR",
            work.resolve("data").toString(),
            "CERTGATE_PUBLIC_ORIGIN",
            origin,
            "CERTGATE_CAPTCHA",
            "after-failures",
            "CERTGATE_ADMIN_USERNAME",
            ADMIN,
            "CERTGATE_ADMIN_PASSWORD",
            ADMIN_PASSWORD,
            "CERTGATE_SMS_GATEWAY",
            "log",
            "CERTGATE_AGENT_URL",
            agentUrl,
            // the demo profile would also load a demo PKI folder from the working directory
            "CERTGATE_DEMO_PKI",
            work.resolve("no-demo-pki").toString());
    List<String> args =
        List.of(
            "--spring.profiles.active=demo",
            "--server.port=" + port,
            // the agent jar the 驱动下载 page offers
            "--certgate.ca.agent-jar=" + agentJar,
            "--certgate.ca.agent-packages=" + work.resolve("packages"),
            // every test comes from 127.0.0.1; the per-mobile SMS limits stay (fresh mobiles)
            "--certgate.login.ip-attempts=10000",
            "--certgate.login.ip-failures-for-captcha=10000",
            "--certgate.sms.ip-per-minute=10000",
            "--certgate.sms.ip-per-day=10000");
    JarProcess process =
        JarProcess.start("certgate-server", jar, args, env, work.resolve("server.log"));
    PlatformServer server = new PlatformServer(port, process, work.resolve("packages"));
    try {
      process.awaitHttp(server.uri("/api/session"), Map.of(), Duration.ofMinutes(3));
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    return server;
  }

  /** The origin the browser uses and tokens are signed for. */
  String origin() {
    return "http://localhost:" + port;
  }

  String url(String path) {
    return origin() + path;
  }

  URI uri(String path) {
    return URI.create(url(path));
  }

  /** How many SMS messages the demo gateway has logged for this mobile so far. */
  int smsCount(String mobile) {
    return (int) codes(mobile).count();
  }

  /** Waits for SMS message number {@code count + 1} to this mobile and returns its code. */
  String awaitSmsAfter(String mobile, int count) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      Optional<String> code = codes(mobile).skip(count).findFirst();
      if (code.isPresent()) {
        return code.get();
      }
      sleep(200);
    }
    throw new AssertionError("no SMS to " + mobile + " in the server log");
  }

  private java.util.stream.Stream<String> codes(String mobile) {
    Matcher m = SMS.matcher(process.log());
    java.util.stream.Stream.Builder<String> codes = java.util.stream.Stream.builder();
    while (m.find()) {
      if (m.group(1).equals(mobile)) {
        codes.add(m.group(2));
      }
    }
    return codes.build();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
