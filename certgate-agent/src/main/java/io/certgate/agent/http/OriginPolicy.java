package io.certgate.agent.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.certgate.core.token.WebOrigin;
import java.util.Optional;
import java.util.Set;

/**
 * The allow-list of DESIGN.md §4 and the CORS answers it permits. Only listed origins get CORS
 * headers; everyone else gets none, so a foreign page can neither read an answer nor pass a
 * preflight. The Host header must name the loopback address, which stops DNS-rebinding pages (whose
 * requests are same-origin to the browser and carry their own host name).
 */
final class OriginPolicy {
  private final Set<String> allowed;
  private final int port;

  OriginPolicy(Set<WebOrigin> allowed, int port) {
    this.allowed =
        allowed.stream()
            .map(WebOrigin::value)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    this.port = port;
  }

  /** The request's origin, if it carries exactly one that is on the list. */
  Optional<WebOrigin> allowedOrigin(HttpExchange exchange) {
    var values = exchange.getRequestHeaders().get("Origin");
    if (values == null || values.size() != 1 || !allowed.contains(values.get(0))) {
      return Optional.empty();
    }
    return WebOrigin.parse(values.get(0));
  }

  boolean hasOrigin(HttpExchange exchange) {
    return exchange.getRequestHeaders().containsKey("Origin");
  }

  /** Host must be {@code 127.0.0.1:<port>} or {@code localhost:<port>} (port optional for 80). */
  boolean loopbackHost(HttpExchange exchange) {
    var values = exchange.getRequestHeaders().get("Host");
    if (values == null || values.size() != 1) {
      return false;
    }
    String host = values.get(0);
    return host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port);
  }

  /** Headers of an answer to an allowed origin. */
  static void cors(HttpExchange exchange, WebOrigin origin) {
    Headers h = exchange.getResponseHeaders();
    h.set("Access-Control-Allow-Origin", origin.value());
  }

  /** Preflight answer headers, including Private Network Access (Chrome's local-network check). */
  static void preflight(HttpExchange exchange, WebOrigin origin) {
    cors(exchange, origin);
    Headers h = exchange.getResponseHeaders();
    h.set("Access-Control-Allow-Methods", "GET, POST");
    h.set("Access-Control-Allow-Headers", "Content-Type");
    h.set("Access-Control-Allow-Private-Network", "true");
    h.set("Access-Control-Max-Age", "600");
  }
}
