package io.certgate.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.agent.token.Tokens;
import io.certgate.core.json.Json;
import io.certgate.core.json.JsonObject;
import io.certgate.core.token.WebOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's HTTP behaviour with no keys at all: origins, CORS, limits, binding. */
class AgentServerIT {
  private static final String PLATFORM = "https://www.zcygov.cn";
  private static final String NONCE_44 = "a".repeat(44);

  @TempDir Path softKeys;
  private AgentServer server;
  private InetSocketAddress address;

  @BeforeEach
  void start() throws IOException {
    server =
        AgentServer.builder()
            .tokens(Tokens.builder().softKeyFolder(softKeys).build())
            .version("9.9.9-test")
            .buildDate("2026-12-06T08:00:00Z")
            .allowedOrigins(Set.of(WebOrigin.parse(PLATFORM).orElseThrow()))
            .port(0)
            .start();
    address = server.address();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RawHttp.Response get(String path, String origin) throws IOException {
    return RawHttp.request(address, "GET", path, origin, null);
  }

  private RawHttp.Response authenticate(String json) throws IOException {
    return RawHttp.request(address, "POST", "/v1/authenticate", PLATFORM, json);
  }

  private static String code(RawHttp.Response r) throws Exception {
    return Json.parseObject(r.body(), io.certgate.core.json.JsonLimits.DEFAULT)
        .requireObject("error")
        .requireString("code");
  }

  @Test
  void anAllowedOriginGetsTheStatusWithCorsHeaders() throws Exception {
    RawHttp.Response r = get("/v1/status", PLATFORM);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Access-Control-Allow-Origin")).contains(PLATFORM);
    assertThat(r.header("Vary")).contains("Origin");
    JsonObject status = Json.parseObject(r.body(), io.certgate.core.json.JsonLimits.DEFAULT);
    assertThat(status.requireString("agent")).isEqualTo("certgate-agent");
    assertThat(status.requireString("version")).isEqualTo("9.9.9-test");
    assertThat(status.requireString("buildDate")).isEqualTo("2026-12-06T08:00:00Z");
    assertThat(status.requireArray("tokens").size()).isZero();
    assertThat(get("/v1/certificates", PLATFORM).body()).isEqualTo("{\"certificates\":[]}");
  }

  @Test
  void aForeignOriginGets403AndNoCorsHeaders() throws Exception {
    for (String path : List.of("/v1/status", "/v1/certificates", "/")) {
      RawHttp.Response r = get(path, "https://evil.example");
      assertThat(r.status()).as(path).isEqualTo(403);
      assertThat(code(r)).isEqualTo("ORIGIN_NOT_ALLOWED");
      assertThat(r.hasCorsHeaders()).as(path).isFalse();
    }
    RawHttp.Response post =
        RawHttp.request(address, "POST", "/v1/authenticate", "http://localhost:8080", "{}");
    assertThat(post.status()).isEqualTo(403);
    assertThat(post.hasCorsHeaders()).isFalse();
  }

  @Test
  void anApiRequestWithoutOriginIsRefused() throws Exception {
    RawHttp.Response r = get("/v1/certificates", null);
    assertThat(r.status()).isEqualTo(403);
    assertThat(code(r)).isEqualTo("ORIGIN_NOT_ALLOWED");
  }

  @Test
  void aPreflightIsAnsweredWithPrivateNetworkAccess() throws Exception {
    RawHttp.Response r =
        RawHttp.send(
            address,
            "OPTIONS /v1/authenticate HTTP/1.1\nHost: 127.0.0.1:"
                + address.getPort()
                + "\nOrigin: "
                + PLATFORM
                + "\nAccess-Control-Request-Method: POST\nAccess-Control-Request-Headers: content-type\n"
                + "Access-Control-Request-Private-Network: true\nConnection: close\n",
            new byte[0]);

    assertThat(r.status()).isEqualTo(204);
    assertThat(r.header("Access-Control-Allow-Origin")).contains(PLATFORM);
    assertThat(r.header("Access-Control-Allow-Private-Network")).contains("true");
    assertThat(r.header("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
    assertThat(r.header("Access-Control-Allow-Headers").orElseThrow())
        .containsIgnoringCase("content-type");
    assertThat(r.header("Vary")).contains("Origin");
  }

  @Test
  void aPreflightFromAForeignOriginGetsNoCorsHeaders() throws Exception {
    RawHttp.Response r =
        RawHttp.send(
            address,
            "OPTIONS /v1/authenticate HTTP/1.1\nHost: 127.0.0.1:"
                + address.getPort()
                + "\nOrigin: https://evil.example\nAccess-Control-Request-Method: POST\nConnection: close\n",
            new byte[0]);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.hasCorsHeaders()).isFalse();
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
    RawHttp.Response declared =
        RawHttp.send(
            address,
            "POST /v1/authenticate HTTP/1.1\nHost: 127.0.0.1:"
                + address.getPort()
                + "\nOrigin: "
                + PLATFORM
                + "\nContent-Type: application/json\nContent-Length: 10000000\nConnection: close\n",
            new byte[0]);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(code(declared)).isEqualTo("BAD_REQUEST");

    String big = "{\"certificateId\":\"" + "x".repeat(9000) + "\",\"nonce\":\"n\",\"pin\":\"1\"}";
    RawHttp.Response sent = authenticate(big);
    assertThat(sent.status()).isEqualTo(413);
  }

  @Test
  void malformedJsonIsBadRequest() throws Exception {
    for (String body :
        List.of(
            "",
            "{",
            "[]",
            "{\"certificateId\":\"a\",\"nonce\":\"" + NONCE_44 + "\",\"pin\":1234}",
            "{\"certificateId\":\"a\",\"certificateId\":\"b\",\"nonce\":\""
                + NONCE_44
                + "\",\"pin\":\"1\"}",
            "{\"certificateId\":\"a\",\"nonce\":\"" + NONCE_44 + "\",\"pin\":\"1\"} trailing",
            "{\"nonce\":\"" + NONCE_44 + "\",\"pin\":\"1\"}")) {
      RawHttp.Response r = authenticate(body);
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(code(r)).as(body).isEqualTo("BAD_REQUEST");
      assertThat(r.header("Access-Control-Allow-Origin")).contains(PLATFORM);
    }
  }

  @Test
  void aNonceOutside44To128CharactersIsBadRequest() throws Exception {
    for (String nonce : List.of("a".repeat(43), "a".repeat(129), "a".repeat(43) + " ")) {
      RawHttp.Response r =
          authenticate(
              "{\"certificateId\":\"unknown\",\"nonce\":\"" + nonce + "\",\"pin\":\"1234\"}");
      assertThat(r.status()).as(nonce).isEqualTo(400);
      assertThat(r.body()).contains("nonce");
    }
    for (String nonce : List.of(NONCE_44, "b".repeat(128))) {
      RawHttp.Response r =
          authenticate(
              "{\"certificateId\":\"unknown\",\"nonce\":\"" + nonce + "\",\"pin\":\"1234\"}");
      assertThat(code(r)).as("nonce of %d accepted", nonce.length()).isEqualTo("CERT_NOT_FOUND");
    }
  }

  @Test
  void anOriginInTheBodyIsRefused() throws Exception {
    RawHttp.Response r =
        authenticate(
            "{\"certificateId\":\"unknown\",\"nonce\":\""
                + NONCE_44
                + "\",\"pin\":\"1234\",\"origin\":\"https://evil.example\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("Origin header");
  }

  @Test
  void aForeignHostHeaderIsRefused() throws Exception {
    // a DNS-rebinding page reaches 127.0.0.1 under its own host name
    RawHttp.Response r =
        RawHttp.send(
            address,
            "GET /v1/status HTTP/1.1\nHost: rebind.evil.example:"
                + address.getPort()
                + "\nOrigin: "
                + PLATFORM
                + "\nConnection: close\n",
            new byte[0]);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.hasCorsHeaders()).isFalse();
  }

  @Test
  void theStatusPageTellsAPersonWhatToDoWhenNoKeyIsFound() throws Exception {
    RawHttp.Response r = get("/", null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(r.body()).contains("9.9.9-test", "未发现CA锁或证书", "No key or certificate found");
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    List<InetAddress> others =
        NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
            .toList();
    for (InetAddress other : others) {
      assertThatThrownBy(
              () -> {
                try (Socket s = new Socket()) {
                  s.connect(new InetSocketAddress(other, address.getPort()), 2000);
                }
              })
          .as("connection to %s", other)
          .isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void aRequestSentTooSlowlyIsCutOff() throws Exception {
    // failsafe sets sun.net.httpserver.maxReqTime=2 (seconds) for this JVM
    try (Socket s = new Socket()) {
      s.connect(address, 2000);
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      out.write(
          "GET /v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long start = System.nanoTime();
      InputStream in = s.getInputStream();
      int read;
      try {
        read = in.read();
      } catch (SocketException reset) {
        read = -1;
      }
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertThat(read).isEqualTo(-1);
      assertThat(seconds).isLessThan(10);
    }
  }
}
