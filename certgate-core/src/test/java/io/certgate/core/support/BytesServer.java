package io.certgate.core.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real HTTP on loopback (ephemeral port) serving whatever bytes the test put at a path: CRLs, and
 * garbage in their place.
 */
public final class BytesServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> content = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "bytes-server");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
  private volatile Duration stall = Duration.ZERO;

  public BytesServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          awaitRelease(exchange.getRequestURI().getPath());
          byte[] body = content.get(exchange.getRequestURI().getPath());
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.getResponseHeaders().set("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              int half = body.length / 2;
              out.write(body, 0, half);
              out.flush();
              pause();
              out.write(body, half, body.length - half);
            }
          }
          exchange.close();
        });
    server.setExecutor(executor);
    server.start();
  }

  /**
   * From now on, answers send their headers and half the body, then stall this long before the
   * rest: a server that accepts the request and then hangs.
   */
  public void stall(Duration value) {
    this.stall = value;
  }

  private void pause() {
    try {
      Thread.sleep(stall.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Answers to {@code path} wait (at most a minute) until the returned latch is counted down: a
   * mirror that is slower than the others.
   */
  public CountDownLatch hold(String path) {
    return held.computeIfAbsent(path, p -> new CountDownLatch(1));
  }

  private void awaitRelease(String path) {
    CountDownLatch latch = held.get(path);
    if (latch == null) {
      return;
    }
    try {
      latch.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Serves {@code body} at {@code path} from now on and returns its URL. */
  public URI put(String path, byte[] body) {
    content.put(path, body);
    return url(path);
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
