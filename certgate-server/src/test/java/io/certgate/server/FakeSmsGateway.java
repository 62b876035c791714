package io.certgate.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on loopback standing in for the operator's SMS gateway: the server under test
 * posts to it through its production {@code HttpSmsGateway}; tests read the codes it received.
 */
public final class FakeSmsGateway {
  private static final Pattern MOBILE = Pattern.compile("\"mobile\":\"(\\d+)\"");
  private static final Pattern CODE = Pattern.compile("验证码(\\d{6})");
  private static FakeSmsGateway instance;

  private final HttpServer server;
  private final List<String[]> received = new CopyOnWriteArrayList<>();
  private final List<String> keys = new CopyOnWriteArrayList<>();
  private volatile boolean failing;

  private FakeSmsGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/send",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          if (failing) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
          }
          keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Api-Key")));
          Matcher m = MOBILE.matcher(body);
          received.add(new String[] {m.find() ? m.group(1) : "", body});
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  /** The one gateway of the test JVM. */
  public static synchronized FakeSmsGateway get() {
    if (instance == null) {
      try {
        instance = new FakeSmsGateway();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/send";
  }

  /** The code in the latest message sent to the mobile. */
  public Optional<String> lastCode(String mobile) {
    for (int i = received.size() - 1; i >= 0; i--) {
      if (received.get(i)[0].equals(mobile)) {
        Matcher m = CODE.matcher(received.get(i)[1]);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** How many messages went to the mobile. */
  public long count(String mobile) {
    return received.stream().filter(r -> r[0].equals(mobile)).count();
  }

  /** Makes the gateway answer 500 (an outage) or work again. */
  public void failing(boolean failing) {
    this.failing = failing;
  }

  /** The API key of the latest request. */
  public String lastKey() {
    return keys.isEmpty() ? "" : keys.get(keys.size() - 1);
  }
}
