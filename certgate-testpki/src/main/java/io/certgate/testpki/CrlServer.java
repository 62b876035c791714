package io.certgate.testpki;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves providers' CRLs (DER, {@code application/pkix-crl}) over HTTP on 127.0.0.1.
 *
 * <p>URLs: {@code /crl/<code>/issuing.crl} (the issuing CA's CRL, for user certificates) and {@code
 * /crl/<code>/root.crl} (the root's, for the issuing CA). Each request gets a freshly signed CRL:
 * thisUpdate is the provider clock's now, nextUpdate {@link #validity(Duration)} later (default one
 * day), so revocations show up on the next fetch. Thread safe.
 */
public final class CrlServer implements AutoCloseable {
  /** How the server behaves. */
  public enum Mode {
    NORMAL,
    /** Waits {@link #delay(Duration)} (default 5 s) before answering normally. */
    SLOW,
    /** Answers 503 Service Unavailable. */
    DOWN,
    /** Stops listening: connections are refused until the mode changes back. */
    REFUSING,
    /** Answers 200 with random bytes that are not a CRL. */
    GARBAGE
  }

  private static final Pattern PATH = Pattern.compile("/crl/([a-z0-9-]+)/(issuing|root)\\.crl");

  private final Map<String, TestProvider> providers = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final LoopbackServer server;
  private volatile Mode mode = Mode.NORMAL;
  private volatile Duration validity = Duration.ofDays(1);

  private CrlServer(int port) throws IOException {
    this.server = new LoopbackServer(port, this::handle);
  }

  /** Starts on an ephemeral port. */
  public static CrlServer start() throws IOException {
    return start(0);
  }

  /** Starts on {@code port} (0 = ephemeral), bound to 127.0.0.1 only. */
  public static CrlServer start(int port) throws IOException {
    return new CrlServer(port);
  }

  /** Serves {@code provider}'s CRLs from now on; returns this. */
  public CrlServer add(TestProvider provider) {
    providers.put(provider.code(), provider);
    return this;
  }

  /** The URL of the issuing CA's CRL of the provider with this code (whether added yet or not). */
  public URI issuingCrlUrl(String providerCode) {
    return server.base().resolve("/crl/" + providerCode + "/issuing.crl");
  }

  /** The URL of the root CA's CRL of the provider with this code. */
  public URI rootCrlUrl(String providerCode) {
    return server.base().resolve("/crl/" + providerCode + "/root.crl");
  }

  public URI baseUrl() {
    return server.base();
  }

  public int port() {
    return server.port();
  }

  /** Switches behaviour; takes effect for the next request. */
  public void mode(Mode value) throws IOException {
    this.mode = Objects.requireNonNull(value, "mode");
    server.availability(
        switch (value) {
          case SLOW -> LoopbackServer.Availability.SLOW;
          case DOWN -> LoopbackServer.Availability.UNAVAILABLE;
          case REFUSING -> LoopbackServer.Availability.REFUSING;
          default -> LoopbackServer.Availability.UP;
        });
  }

  public Mode mode() {
    return mode;
  }

  /** How long {@link Mode#SLOW} waits. */
  public void delay(Duration value) {
    server.delay(value);
  }

  /** nextUpdate minus thisUpdate of served CRLs; negative values serve already-stale CRLs. */
  public void validity(Duration value) {
    this.validity = Objects.requireNonNull(value, "validity");
  }

  /** Requests received so far (all paths and modes except REFUSING). */
  public int requestCount() {
    return server.requestCount();
  }

  @Override
  public void close() {
    server.close();
  }

  private void handle(HttpExchange exchange, byte[] body) throws IOException {
    Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
    Optional<TestProvider> found =
        path.matches() ? Optional.ofNullable(providers.get(path.group(1))) : Optional.empty();
    if (!"GET".equals(exchange.getRequestMethod()) || found.isEmpty()) {
      LoopbackServer.send(exchange, 404, "text/plain", new byte[0]);
      return;
    }
    if (mode == Mode.GARBAGE) {
      byte[] junk = new byte[512];
      random.nextBytes(junk);
      LoopbackServer.send(exchange, 200, "application/pkix-crl", junk);
      return;
    }
    TestProvider provider = found.get();
    Instant now = provider.clock().instant();
    Instant next = now.plus(validity);
    X509CRL crl =
        "root".equals(path.group(2)) ? provider.rootCrl(now, next) : provider.crl(now, next);
    try {
      LoopbackServer.send(exchange, 200, "application/pkix-crl", crl.getEncoded());
    } catch (CRLException e) {
      throw new IOException("cannot encode CRL", e);
    }
  }
}
