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
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Turns a Redis outage raised outside Spring MVC (loading or saving the session in Spring Session's
 * filter) into the same 503 JSON as inside it. Lettuce reconnects by itself, so the next request
 * after Redis is back simply works.
 *
 * <p>API answers are held back until the whole request is done: Spring Session saves the session
 * when the answer is first flushed, so without the buffer a Redis failure in that save struck in
 * the middle of a 200 already on its way, and the client got a cut connection instead of a 503
 * (seen in RedisFaultIT). API answers are small JSON; pages and downloads are not held back.
 */
final class RedisOutageFilter extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(RedisOutageFilter.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper held =
        request.getRequestURI().startsWith("/api/")
            ? new ContentCachingResponseWrapper(response)
            : null;
    HttpServletResponse target = held != null ? held : response;
    try {
      chain.doFilter(request, target);
    } catch (RuntimeException | ServletException e) {
      if (!RedisOutage.isCause(e) || response.isCommitted()) {
        throw e;
      }
      log.error("redis unavailable: {}", e.getMessage());
      target.reset();
      target.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      target.setContentType("application/json");
      target.setCharacterEncoding(StandardCharsets.UTF_8.name());
      target.getWriter().write(RedisOutage.body());
      target.flushBuffer();
    }
    if (held != null) {
      held.copyBodyToResponse();
    }
  }
}
