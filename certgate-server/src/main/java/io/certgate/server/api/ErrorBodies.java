package io.certgate.server.api;

import io.certgate.core.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@code {"error","message"}} straight to a servlet response, for the places that run before
 * Spring MVC (security entry points, filters) and cannot throw to the controller advice.
 */
public final class ErrorBodies {
  private ErrorBodies() {}

  /** Writes the code with its default status and message, unless the response is committed. */
  public static void write(HttpServletResponse response, ErrorCode code) throws IOException {
    write(response, ErrorCodes.status(code), code, ErrorCodes.message(code));
  }

  /** Writes the code with an explicit status and message, unless the response is committed. */
  public static void write(HttpServletResponse response, int status, ErrorCode code, String message)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    byte[] body = json(code, message).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /** The error body as JSON text. */
  public static String json(ErrorCode code, String message) {
    return "{\"error\":\"" + code.name() + "\",\"message\":\"" + escape(message) + "\"}";
  }

  /**
   * The body of a genuine server fault: not one of the client-facing codes, because nothing the
   * client sent caused it.
   */
  public static String internalJson() {
    return internalJson("服务器内部错误");
  }

  /** A server-side fault (5xx) with a message telling the user what to do. */
  public static String internalJson(String message) {
    return "{\"error\":\"INTERNAL\",\"message\":\"" + escape(message) + "\"}";
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '<' -> out.append("\\u003c");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
