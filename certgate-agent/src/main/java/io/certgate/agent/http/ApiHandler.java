package io.certgate.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import io.certgate.agent.signing.Authenticator;
import io.certgate.agent.status.StatusPage;
import io.certgate.agent.token.TokenSnapshot;
import io.certgate.agent.token.Tokens;
import io.certgate.core.token.WebOrigin;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every request: Host and Origin checks first (DESIGN.md §4), then the route. Failures are answered
 * with the error JSON; nothing thrown reaches the JDK server, so no stack trace reaches a client.
 */
final class ApiHandler implements HttpHandler {
  private static final Set<String> AUTHENTICATE_MEMBERS = Set.of("certificateId", "nonce", "pin");
  private static final int MAX_PIN = 64;

  private final OriginPolicy policy;
  private final Tokens tokens;
  private final Authenticator authenticator;
  private final StatusPage statusPage;
  private final String version;
  private final String buildDate;
  private final int maxBody;

  ApiHandler(
      OriginPolicy policy,
      Tokens tokens,
      Authenticator authenticator,
      StatusPage statusPage,
      String version,
      String buildDate,
      int maxBody) {
    this.policy = policy;
    this.tokens = tokens;
    this.authenticator = authenticator;
    this.statusPage = statusPage;
    this.version = version;
    this.buildDate = buildDate;
    this.maxBody = maxBody;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (AgentException e) {
      Exchanges.error(exchange, e);
    } catch (Exchanges.BodyTooLargeException e) {
      Exchanges.error(exchange, 413, e.error());
    } catch (RuntimeException e) {
      Exchanges.error(exchange, new AgentException(AgentError.INTERNAL, "internal error"));
    }
  }

  private void route(HttpExchange exchange)
      throws AgentException, Exchanges.BodyTooLargeException, IOException {
    exchange.getResponseHeaders().add("Vary", "Origin");
    if (!policy.loopbackHost(exchange)) {
      throw new AgentException(AgentError.BAD_REQUEST, "Host must be 127.0.0.1 or localhost");
    }
    String path = exchange.getRequestURI().getRawPath();
    String method = exchange.getRequestMethod();
    Optional<WebOrigin> origin = policy.allowedOrigin(exchange);
    if (path.equals("/") && !policy.hasOrigin(exchange)) {
      // a person typing the address: a top-level navigation carries no Origin
      requireMethod(method, "GET");
      Exchanges.send(
          exchange,
          200,
          "text/html; charset=utf-8",
          statusPage.render(tokens.scan(), tokens.problems()));
      return;
    }
    if (origin.isEmpty()) {
      throw new AgentException(AgentError.ORIGIN_NOT_ALLOWED, "origin not allowed");
    }
    if (method.equals("OPTIONS")) {
      preflight(exchange, origin.get());
      return;
    }
    OriginPolicy.cors(exchange, origin.get());
    switch (path) {
      case "/" -> {
        requireMethod(method, "GET");
        Exchanges.send(
            exchange,
            200,
            "text/html; charset=utf-8",
            statusPage.render(tokens.scan(), tokens.problems()));
      }
      case "/v1/status" -> {
        requireMethod(method, "GET");
        List<TokenSnapshot> scan = tokens.scan();
        Exchanges.json(
            exchange, 200, ApiViews.status(version, buildDate, scan, tokens.problems()).toJson());
      }
      case "/v1/certificates" -> {
        requireMethod(method, "GET");
        Exchanges.json(exchange, 200, ApiViews.certificates(tokens.scan()).toJson());
      }
      case "/v1/authenticate" -> {
        requireMethod(method, "POST");
        authenticate(exchange, origin.get());
      }
      default -> throw new AgentException(AgentError.BAD_REQUEST, "no such endpoint");
    }
  }

  private static void preflight(HttpExchange exchange, WebOrigin origin) throws IOException {
    OriginPolicy.preflight(exchange, origin);
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
  }

  private void authenticate(HttpExchange exchange, WebOrigin origin)
      throws AgentException, Exchanges.BodyTooLargeException, IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new AgentException(AgentError.BAD_REQUEST, "Content-Type must be application/json");
    }
    byte[] body = Exchanges.body(exchange, maxBody);
    try (FlatJsonObject request = FlatJsonObject.parse(body)) {
      for (String name : request.names()) {
        if (!AUTHENTICATE_MEMBERS.contains(name)) {
          throw new AgentException(
              AgentError.BAD_REQUEST,
              "unknown member \"" + name + "\" (the origin is taken from the Origin header)");
        }
      }
      String certificateId = new String(required(request, "certificateId"));
      String nonce = new String(required(request, "nonce"));
      char[] pinField = required(request, "pin");
      if (pinField.length == 0 || pinField.length > MAX_PIN) {
        throw new AgentException(
            AgentError.BAD_REQUEST, "PIN must have 1 to " + MAX_PIN + " characters");
      }
      Authenticator.checkNonce(nonce);
      char[] pin = Arrays.copyOf(pinField, pinField.length);
      Exchanges.json(exchange, 200, authenticator.authenticate(certificateId, origin, nonce, pin));
    } catch (FlatJsonObject.MalformedJsonException e) {
      throw new AgentException(AgentError.BAD_REQUEST, "malformed JSON: " + e.getMessage());
    }
  }

  private static char[] required(FlatJsonObject request, String name) throws AgentException {
    return request
        .get(name)
        .orElseThrow(() -> new AgentException(AgentError.BAD_REQUEST, "missing \"" + name + "\""));
  }

  private static void requireMethod(String method, String expected) throws AgentException {
    if (!method.equals(expected)) {
      throw new AgentException(AgentError.BAD_REQUEST, "method " + method + " not allowed");
    }
  }
}
