package io.certgate.agent.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import io.certgate.core.json.JsonNumber;
import io.certgate.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Writing responses and reading bounded bodies. */
final class Exchanges {
  private Exchanges() {}

  static void json(HttpExchange exchange, int status, String json) throws IOException {
    send(exchange, status, "application/json; charset=utf-8", json);
  }

  static void error(HttpExchange exchange, AgentException e) throws IOException {
    error(exchange, e.code().httpStatus(), e);
  }

  /** {@code {"error":{"code","message","retriesLeft"?}}}. */
  static void error(HttpExchange exchange, int status, AgentException e) throws IOException {
    JsonObject.Builder error =
        JsonObject.builder().put("code", e.code().name()).put("message", e.getMessage());
    e.retriesLeft().ifPresent(n -> error.put("retriesLeft", JsonNumber.of(n)));
    json(exchange, status, JsonObject.builder().put("error", error.build()).build().toJson());
  }

  static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Headers h = exchange.getResponseHeaders();
    h.set("Content-Type", contentType);
    h.set("Cache-Control", "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  /**
   * Reads at most {@code limit} bytes; a declared or actual longer body is refused before it is
   * read in full. (The JDK server's {@code sun.net.httpserver.maxReqTime} bounds the time.)
   */
  static byte[] body(HttpExchange exchange, int limit)
      throws AgentException, BodyTooLargeException, IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        throw new AgentException(AgentError.BAD_REQUEST, "bad Content-Length");
      }
      if (declared > limit) {
        throw tooLarge(limit);
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        Arrays.fill(body, (byte) 0);
        throw tooLarge(limit);
      }
      return body;
    }
  }

  private static BodyTooLargeException tooLarge(int limit) {
    return new BodyTooLargeException(
        new AgentException(AgentError.BAD_REQUEST, "request body larger than " + limit + " bytes"));
  }

  /** The one BAD_REQUEST answered with 413 instead of 400. */
  static final class BodyTooLargeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final AgentException error;

    BodyTooLargeException(AgentException error) {
      super(error.getMessage());
      this.error = error;
    }

    AgentException error() {
      return error;
    }
  }
}
