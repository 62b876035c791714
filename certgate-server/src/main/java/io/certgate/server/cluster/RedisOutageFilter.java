package io.certgate.server.cluster;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a Redis outage raised outside Spring MVC (loading or saving the session in Spring Session's
 * filter) into the same 503 JSON as inside it. Lettuce reconnects by itself, so the next request
 * after Redis is back simply works.
 */
final class RedisOutageFilter extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(RedisOutageFilter.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException e) {
      if (!RedisOutage.isCause(e) || response.isCommitted()) {
        throw e;
      }
      log.error("redis unavailable: {}", e.getMessage());
      response.reset();
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(RedisOutage.body());
    }
  }
}
