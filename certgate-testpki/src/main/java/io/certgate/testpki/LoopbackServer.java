package io.certgate.testpki;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 that can be taken off the air (connection refused) and put back on
 * the same port, answer 503, or answer slowly. Shared by {@link CrlServer} and {@link
 * OcspResponder}.
 */
final class LoopbackServer implements AutoCloseable {
  /** What the server does with a request before its handler sees it. */
  enum Availability {
    UP,
    SLOW,
    /** Answers 503 Service Unavailable. */
    UNAVAILABLE,
    /** Not listening at all: clients get "connection refused". */
    REFUSING
  }

  /** Answers one request whose body has been read already. */
  interface Handler {
    void handle(HttpExchange exchange, byte[] body) throws IOException;
  }

  private static final int MAX_BODY = 64 * 1024;

  private final Handler handler;
  private final ExecutorService executor;
  private final AtomicInteger requests = new AtomicInteger();
  private final int port;
  private HttpServer server;
  private volatile Availability availability = Availability.UP;
  private volatile Duration delay = Duration.ofSeconds(5);

  LoopbackServer(int port, Handler handler) throws IOException {
    this.handler = handler;
    // Daemon threads, unbounded: a slow answer must not hold up the next request.
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "testpki-http");
              thread.setDaemon(true);
              return thread;
            });
    this.server = bind(port);
    this.port = server.getAddress().getPort();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  int port() {
    return port;
  }

  int requestCount() {
    return requests.get();
  }

  void delay(Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative");
    }
    this.delay = value;
  }

  synchronized void availability(Availability value) throws IOException {
    if (value == Availability.REFUSING && server != null) {
      server.stop(0);
      server = null;
    } else if (value != Availability.REFUSING && server == null) {
      server = bind(port);
    }
    this.availability = value;
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
    executor.shutdownNow();
  }

  private HttpServer bind(int wanted) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
    http.createContext("/", this::handle);
    http.setExecutor(executor);
    http.start();
    return http;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY);
      switch (availability) {
        case UNAVAILABLE -> {
          send(
              exchange,
              503,
              "text/plain",
              "unavailable".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
          return;
        }
        case SLOW -> sleep();
        default -> {}
      }
      handler.handle(exchange, body);
    }
  }

  private void sleep() {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }
}
