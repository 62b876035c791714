package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code scripts/cluster.sh} as the README uses it: PostgreSQL, Redis, two nodes from the packaged
 * jar and nginx round-robin in front; a browser that only talks to nginx keeps its session and its
 * challenge whichever node serves it.
 */
class ClusterScriptIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path SCRIPT = ROOT.resolve("scripts/cluster.sh");
  private static final Path JAR = ROOT.resolve("certgate-server/target/certgate-server.jar");
  private static Path dir;
  private static int front;
  private static int[] nodes;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(RedisServer.available(), "redis-server is not installed");
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/sbin/nginx")), "nginx is not installed");
    Assumptions.assumeTrue(PostgresServer.available(), "PostgreSQL 15 is not installed");
    Assumptions.assumeTrue(Files.isRegularFile(JAR), "the server jar is not packaged yet");
    // PostgreSQL runs as its own user when we are root: it must reach its folder inside
    dir =
        Files.createTempDirectory(
                "certgate-cluster-it",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")))
            .resolve("cluster");
    String out = script("start");
    Matcher m =
        Pattern.compile(
                "http://127\\.0\\.0\\.1:(\\d+) \\(nginx\\) -> nodes 127\\.0\\.0\\.1:(\\d+), 127\\.0\\.0\\.1:(\\d+)")
            .matcher(out);
    assertThat(m.find()).as(out).isTrue();
    front = Integer.parseInt(m.group(1));
    nodes = new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
  }

  @AfterAll
  static void stop() throws Exception {
    if (dir != null) {
      script("stop");
      assertThat(dir).doesNotExist();
      Files.deleteIfExists(dir.getParent());
    }
  }

  private static String script(String command) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(List.of(SCRIPT.toString(), command)).redirectErrorStream(true);
    pb.environment()
        .putAll(
            Map.of(
                "CERTGATE_CLUSTER_DIR",
                dir.toString(),
                "CERTGATE_ADMIN_USERNAME",
                PlatformIT.ADMIN,
                "CERTGATE_ADMIN_PASSWORD",
                PlatformIT.ADMIN_PASSWORD,
                "CERTGATE_CAPTCHA",
                "after-failures"));
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    return text;
  }

  @Test
  void aBrowserBehindNginxKeepsItsSessionAndChallengeAcrossBothNodes() {
    Browser b = new Browser(front);
    Browser.Res login =
        b.post(
            "/api/auth/password",
            "{\"username\":\"%s\",\"password\":\"%s\"}"
                .formatted(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    for (int i = 0; i < 6; i++) {
      Browser.Res s = b.get("/api/session");
      assertThat(s.status()).as(s.body()).isEqualTo(200);
      assertThat(s.json().path("user").path("username").asString()).isEqualTo(PlatformIT.ADMIN);
    }
    for (int port : nodes) {
      String scrape = new Browser(port).get("/actuator/prometheus").body();
      assertThat(
              PrometheusText.value(
                  scrape,
                  "http_server_requests_seconds_count",
                  "uri",
                  "/api/session",
                  "status",
                  "200"))
          .as("node %d served some of the session checks", port)
          .isGreaterThanOrEqualTo(1);
    }

    JsonNode ch = b.post("/api/ca/challenges", "{\"purpose\":\"LOGIN\"}").json();
    String token = ClusterIT.foreignToken(ch.path("nonce").asString(), "http://127.0.0.1:" + front);
    String body =
        "{\"challengeId\":\"%s\",\"token\":%s}"
            .formatted(ch.path("challengeId").asString(), PlatformIT.quote(token));
    assertThat(b.post("/api/auth/ca", body).error()).isNotEqualTo("CHALLENGE_UNKNOWN");
    assertThat(b.post("/api/auth/ca", body).error()).isEqualTo("CHALLENGE_UNKNOWN");
    assertThat(b.get("/actuator/prometheus").status()).isEqualTo(404);
    assertThat(b.get("/actuator/health").status()).isEqualTo(200);
  }

  /**
   * Behind nginx every connection to a node comes from nginx itself: unless the nodes take the
   * client's address from nginx, all clients share one set of per-IP limits. A client on another
   * loopback address (127.0.0.2) exhausts the captcha limit (60 a minute, shared in Redis); a
   * client on 127.0.0.1 is not affected, and a forged X-Forwarded-For does not get the first one
   * out.
   */
  @Test
  void perAddressLimitsBehindNginxCountEachClientAndIgnoreForgedForwardedFor() throws IOException {
    InetAddress other = InetAddress.getByName("127.0.0.2");
    int refusedAt = -1;
    for (int i = 1; i <= 70 && refusedAt < 0; i++) {
      if (statusFrom(other, "/api/captcha", "203.0.113." + i) == 429) {
        refusedAt = i;
      }
    }
    assertThat(refusedAt).as("the 61st captcha from one address is refused").isEqualTo(61);
    assertThat(statusFrom(other, "/api/captcha", "198.51.100.1"))
        .as(
            "what a client writes into X-Forwarded-For is ignored (nginx appends; nodes trust only nginx)")
        .isEqualTo(429);
    Browser.Res elsewhere = new Browser(front).get("/api/captcha");
    assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
  }

  /** The status of a GET sent through nginx from the given local address. */
  private static int statusFrom(InetAddress local, String path, String forwardedFor)
      throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), front, local, 0)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nX-Forwarded-For: %s\r\n"
                  + "Connection: close\r\n\r\n")
              .formatted(path, front, forwardedFor)
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 200"
      return Integer.parseInt(head.substring(9, 12));
    }
  }
}
