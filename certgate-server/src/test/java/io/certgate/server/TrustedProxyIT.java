package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code X-Forwarded-For} only from {@code certgate.trusted-proxies}: here 127.0.0.2 stands for the
 * reverse proxy (it appends the address it saw, as nginx's {@code $proxy_add_x_forwarded_for} does)
 * and 127.0.0.1 for a client that reaches the node directly. The per-address captcha limit (60 a
 * minute) shows which address the server took as the client's.
 */
@TestPropertySource(
    properties = {
      "certgate.trusted-proxies=127.0.0.2",
      "spring.datasource.url=jdbc:h2:mem:certgate-proxy;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
    })
class TrustedProxyIT extends PlatformIT {
  private static final String PROXY = "127.0.0.2";
  private static final String DIRECT = "127.0.0.1";

  @Test
  void aClientForgingTheHeaderDirectlyKeepsItsOwnAddress() throws IOException {
    for (int i = 1; i <= 60; i++) {
      assertThat(status(DIRECT, "/api/captcha", "198.51.100." + i)).isEqualTo(200);
    }
    assertThat(status(DIRECT, "/api/captcha", "198.51.100.200"))
        .as("the 61st from 127.0.0.1, whatever it claims, is over the limit")
        .isEqualTo(429);
    assertThat(status(PROXY, "/api/captcha", "198.51.100.1"))
        .as("a client behind the proxy is another client")
        .isEqualTo(200);
  }

  @Test
  void behindTheProxyTheLastUntrustedHopIsTheClientAndWhatItWroteIsIgnored() throws IOException {
    for (int i = 1; i <= 60; i++) {
      // the client wrote 203.0.113.<i>; the proxy appended the address it saw, 192.0.2.9
      assertThat(status(PROXY, "/api/captcha", "203.0.113." + i + ", 192.0.2.9")).isEqualTo(200);
    }
    assertThat(status(PROXY, "/api/captcha", "203.0.113.99, 192.0.2.9")).isEqualTo(429);
    assertThat(status(PROXY, "/api/captcha", "192.0.2.10")).isEqualTo(200);
    assertThat(status(DIRECT, "/api/captcha", null)).isEqualTo(200);
    // a private address is trusted only when listed: 10.0.0.1 is the client here, not a proxy
    for (int i = 1; i <= 60; i++) {
      assertThat(status(PROXY, "/api/captcha", "198.51.100." + i + ", 10.0.0.1")).isEqualTo(200);
    }
    assertThat(status(PROXY, "/api/captcha", "10.0.0.1")).isEqualTo(429);
  }

  @Test
  void metricsAreForLoopbackClientsOnlyWhateverTheHeaderSays() throws IOException {
    assertThat(status(DIRECT, "/actuator/prometheus", null)).isEqualTo(200);
    assertThat(status(DIRECT, "/actuator/prometheus", "203.0.113.5"))
        .as("an untrusted peer's header changes nothing")
        .isEqualTo(200);
    assertThat(status(PROXY, "/actuator/prometheus", null)).isEqualTo(200);
    assertThat(status(PROXY, "/actuator/prometheus", "203.0.113.5"))
        .as("a remote client through a local proxy is not local")
        .isNotEqualTo(200);
  }

  /** The status of a GET sent from the given local address, with the header if not null. */
  private int status(String from, String path, String forwardedFor) throws IOException {
    try (Socket socket =
        new Socket(InetAddress.getByName(DIRECT), port, InetAddress.getByName(from), 0)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET %s HTTP/1.1\r\nHost: localhost\r\n%sConnection: close\r\n\r\n")
              .formatted(
                  path, forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      in.transferTo(OutputStream.nullOutputStream());
      return Integer.parseInt(head.substring(9, 12));
    }
  }
}
