package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Seeded fuzzing of the JSON API over raw sockets (so that bytes no HTTP client library would send
 * reach the server): mutated bodies, paths and query strings against every path the OpenAPI
 * description lists, anonymous and as a platform administrator. Every answer must be below 500 and
 * the server must still answer afterwards (DESIGN.md §9). Bounded: a fixed number of requests and a
 * time cap. Its own database, since the administrator's requests change random objects.
 */
@TestPropertySource(
    properties =
        "spring.datasource.url=jdbc:h2:mem:certgate-fuzz;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ApiFuzzIT extends PlatformIT {
  private static final long SEED = Long.getLong("certgate.fuzz.seed", 20_261_206L);
  private static final int REQUESTS = Integer.getInteger("certgate.fuzz.requests", 1500);
  private static final long MAX_MILLIS = 25_000;

  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
  private static final List<String> BODIES =
      List.of(
          "{\"username\":\"a\",\"password\":\"b\",\"captchaId\":\"c\",\"captcha\":\"d\"}",
          "{\"purpose\":\"LOGIN\"}",
          "{\"purpose\":\"BIND\",\"userId\":1}",
          "{\"challengeId\":\"x\",\"token\":{\"format\":\"certgate-auth/1\",\"certificate\":\"AAAA\","
              + "\"algorithm\":\"ES256\",\"signature\":\"AAAA\"}}",
          "{\"userId\":1,\"challengeId\":\"x\",\"token\":\"{\\\"format\\\":1}\"}",
          "{\"code\":\"339901\",\"name\":\"区划\",\"parentCode\":\"330000\",\"caEnabled\":true}",
          "{\"name\":\"机构\",\"regionCode\":\"339900\",\"kind\":\"SUPPLIER\","
              + "\"creditCode\":\"91339900MA2XXXXXX0\"}",
          "{\"organizationId\":1,\"username\":\"u\",\"displayName\":\"d\",\"mobile\":\"13900000000\","
              + "\"password\":\"Good#Pass2026\",\"roles\":[\"MEMBER\"]}",
          "{\"status\":\"DISABLED\"}",
          "{\"mobile\":\"13900000000\",\"code\":\"123456\"}",
          "[\"p1\",\"p2\"]",
          "{\"code\":\"p\",\"name\":\"n\",\"revocation\":{\"mode\":\"CRL\",\"crlUrls\":[\"x\"]},"
              + "\"anchors\":\"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\"}");
  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/json; charset=UTF-8",
          "application/json; charset=GBK",
          "application/x-www-form-urlencoded",
          "text/plain",
          "multipart/form-data; boundary=x",
          "application/xml",
          "");
  private static final String[] JUNK = {
    "%ED%A0%80",
    "%E4%B8",
    "%C0%AF",
    "%FF",
    "%",
    "%4",
    "%zz",
    "%00",
    "..",
    "%2e%2e",
    "//",
    ";a=b",
    "\\",
    "%5C",
    "null",
    "-1",
    "9223372036854775808",
    "1e309",
    "NaN",
    "[]",
    "{}",
    "\"",
    "%22%3Cscript%3E",
    "丁",
    "%F0%9F%98%80",
    "%F4%90%80%80",
    "+",
    "&&",
    "=",
    "a=b=c",
    "?",
    "#"
  };

  @Test
  void everyFuzzedRequestIsAnsweredBelow500AndTheServerStillAnswers() throws IOException {
    List<String> paths = apiPaths();
    assertThat(paths).hasSizeGreaterThan(20);
    Browser admin = admin();
    String adminCookies =
        "CERTGATE_SESSION=%s; XSRF-TOKEN=%s"
            .formatted(
                admin.cookie("CERTGATE_SESSION").orElseThrow(),
                admin.cookie("XSRF-TOKEN").orElseThrow());
    String xsrf = admin.cookie("XSRF-TOKEN").orElseThrow();
    Random random = new Random(SEED);
    long deadline = System.currentTimeMillis() + MAX_MILLIS;
    Map<Integer, Integer> statuses = new TreeMap<>();
    int sent = 0;
    for (; sent < REQUESTS && System.currentTimeMillis() < deadline; sent++) {
      String request = request(random, paths, random.nextBoolean() ? adminCookies : null, xsrf);
      long started = System.nanoTime();
      int status = send(request);
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (millis > 500) {
        System.out.printf(
            "fuzz: slow (%d ms): %s%n", millis, request.lines().findFirst().orElse(""));
      }
      statuses.merge(status, 1, Integer::sum);
      assertThat(status).as("seed %d request %d:%n%s", SEED, sent, request).isBetween(100, 499);
    }
    System.out.printf("fuzz: seed %d, %d requests, statuses %s%n", SEED, sent, statuses);
    assertThat(sent).isGreaterThan(500);
    assertThat(browser().get("/api/session").status()).isEqualTo(401);
    assertThat(browser().get("/actuator/health").status()).isEqualTo(200);
    assertThat(admin().get("/api/admin/users").status()).isEqualTo(200);
  }

  /** The API's paths from its OpenAPI description, path variables still as {@code {name}}. */
  private List<String> apiPaths() {
    JsonNode docs = browser().get("/v3/api-docs").json().path("paths");
    List<String> paths = new ArrayList<>();
    for (Iterator<String> it = docs.propertyNames().iterator(); it.hasNext(); ) {
      paths.add(it.next());
    }
    return paths;
  }

  private String request(Random r, List<String> paths, String cookieHeader, String xsrf) {
    String method = METHODS.get(r.nextInt(METHODS.size()));
    String path = path(r, paths.get(r.nextInt(paths.size())));
    String query = r.nextInt(3) == 0 ? "" : "?" + query(r);
    byte[] body = method.equals("GET") && r.nextInt(4) > 0 ? new byte[0] : body(r);
    StringBuilder head =
        new StringBuilder(method)
            .append(' ')
            .append(path)
            .append(query)
            .append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    String type = CONTENT_TYPES.get(r.nextInt(CONTENT_TYPES.size()));
    if (!type.isEmpty()) {
      head.append("Content-Type: ").append(type).append("\r\n");
    }
    if (cookieHeader != null) {
      head.append("Cookie: ").append(cookieHeader).append("\r\n");
      if (r.nextInt(5) > 0) {
        head.append("X-XSRF-TOKEN: ").append(xsrf).append("\r\n");
      }
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    return head + new String(body, StandardCharsets.ISO_8859_1);
  }

  private static String path(Random r, String template) {
    StringBuilder out = new StringBuilder();
    for (String segment : template.substring(1).split("/", -1)) {
      out.append('/');
      if (segment.startsWith("{")) {
        out.append(
            switch (r.nextInt(4)) {
              case 0 -> Integer.toString(r.nextInt(50));
              case 1 -> "339900";
              case 2 -> JUNK[r.nextInt(JUNK.length)];
              default -> randomEscapes(r, 1 + r.nextInt(6));
            });
      } else {
        out.append(r.nextInt(30) == 0 ? JUNK[r.nextInt(JUNK.length)] : segment);
      }
    }
    return out.toString().replace(" ", "%20").replace("#", "%23").replace("?", "%3F");
  }

  private static String query(Random r) {
    String[] names = {"name", "page", "size", "bound", "account", "actor", "from", "to", "code"};
    StringBuilder q = new StringBuilder();
    for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
      if (i > 0) {
        q.append('&');
      }
      q.append(r.nextInt(6) == 0 ? randomEscapes(r, 2) : names[r.nextInt(names.length)])
          .append('=')
          .append(
              switch (r.nextInt(4)) {
                case 0 -> Integer.toString(r.nextInt(2000) - 1000);
                case 1 -> JUNK[r.nextInt(JUNK.length)];
                case 2 -> randomEscapes(r, 1 + r.nextInt(8));
                default -> "%E5%BC%A0";
              });
    }
    return q.toString().replace("#", "%23").replace(" ", "+");
  }

  /** Percent-escaped random bytes: often not UTF-8 at all. */
  private static String randomEscapes(Random r, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append('%').append(String.format("%02X", r.nextInt(256)));
    }
    return s.toString();
  }

  private static byte[] body(Random r) {
    byte[] base = BODIES.get(r.nextInt(BODIES.size())).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(base);
    byte[] b = out.toByteArray();
    int mutations = r.nextInt(5);
    for (int i = 0; i < mutations && b.length > 0; i++) {
      int at = r.nextInt(b.length);
      b =
          switch (r.nextInt(6)) {
            case 0 -> java.util.Arrays.copyOf(b, at); // cut short
            case 1 -> set(b, at, (byte) r.nextInt(256)); // flip a byte
            case 2 -> splice(b, at, JUNK[r.nextInt(JUNK.length)].getBytes(StandardCharsets.UTF_8));
            case 3 -> splice(b, at, "\\u0000\\ud800\"".getBytes(StandardCharsets.UTF_8));
            case 4 -> splice(b, at, "[".repeat(2000).getBytes(StandardCharsets.UTF_8));
            default -> splice(b, at, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
          };
    }
    return b;
  }

  private static byte[] set(byte[] b, int at, byte v) {
    b[at] = v;
    return b;
  }

  private static byte[] splice(byte[] b, int at, byte[] insert) {
    byte[] out = new byte[b.length + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at, out, at + insert.length, b.length - at);
    return out;
  }

  /** Sends one raw request and returns the status of the answer (0 if the line is unreadable). */
  private int send(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] line = new byte[12];
      int n = in.readNBytes(line, 0, line.length);
      String status = new String(line, 0, n, StandardCharsets.ISO_8859_1);
      in.transferTo(OutputStream.nullOutputStream());
      return status.startsWith("HTTP/1.1 ") ? Integer.parseInt(status.substring(9, 12)) : 0;
    }
  }
}
