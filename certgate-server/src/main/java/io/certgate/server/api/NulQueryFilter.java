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
 * Refuses a query string that carries NUL ({@code %00}) with 400 {@code BAD_REQUEST}: no filter,
 * search or page parameter needs one, and PostgreSQL would refuse it as a database error (500)
 * wherever the value reached a statement. JSON bodies are guarded by {@link NoNulStrings}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
final class NulQueryFilter extends OncePerRequestFilter {
  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    if (query != null && (query.contains("%00") || query.indexOf('\0') >= 0)) {
      ErrorBodies.write(response, 400, ErrorCode.BAD_REQUEST, "请求参数含有非法字符");
      return;
    }
    chain.doFilter(request, response);
  }
}
