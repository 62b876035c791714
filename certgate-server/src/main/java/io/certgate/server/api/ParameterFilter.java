package io.certgate.server.api;

import io.certgate.core.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request parameters that no handler could read, with 400 {@code BAD_REQUEST}, for every
 * endpoint and page (DESIGN.md §9), before any of them asks for one:
 *
 * <ul>
 *   <li>a query string that carries NUL ({@code %00}): no filter, search or page parameter needs
 *       one, and PostgreSQL would refuse it as a database error (500) wherever the value reached a
 *       statement. JSON bodies are guarded by {@link NoNulStrings};
 *   <li>parameters (query string or form body) whose percent-encoding is not valid UTF-8 — a
 *       multi-byte sequence cut short, an encoded lone surrogate such as {@code %ED%A0%80}, a
 *       broken escape. The container throws while decoding them, lazily, wherever the first {@code
 *       getParameter} happens (Spring Security's CSRF check, a controller's binding), and that
 *       throw would surface as a 500. Decoding them here, once, turns it into the client's error.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
final class ParameterFilter extends OncePerRequestFilter {
  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    if (query != null && (query.contains("%00") || query.indexOf('\0') >= 0)) {
      ErrorBodies.write(response, 400, ErrorCode.BAD_REQUEST, "请求参数含有非法字符");
      return;
    }
    if (!decodable(request)) {
      ErrorBodies.write(response, 400, ErrorCode.BAD_REQUEST, "请求参数编码无效(须为UTF-8)");
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether the container can decode the parameters. It parses them once per request and keeps the
   * result, so asking here costs what the first later {@code getParameter} would have cost anyway.
   */
  private static boolean decodable(HttpServletRequest request) {
    try {
      request.getParameterMap();
      return true;
    } catch (IllegalStateException e) {
      // Tomcat's InvalidParameterException (an IllegalStateException): bad escape or bad UTF-8
      return false;
    }
  }
}
