package io.certgate.server.cluster;

import io.certgate.server.api.ErrorBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A Redis outage inside a controller (a challenge saved or taken) is a 503 naming the cache, asked
 * before the general advice, which would otherwise report it as a database outage (Spring Data
 * Redis's connection failure is a {@code DataAccessResourceFailureException}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
final class RedisOutageAdvice {
  private static final Logger log = LoggerFactory.getLogger(RedisOutageAdvice.class);

  @ExceptionHandler({RedisConnectionFailureException.class, RedisSystemException.class})
  ResponseEntity<String> redisDown(RuntimeException e) {
    return unavailable(e, RedisOutage.body());
  }

  /** Spring's translation of a Lettuce command timeout; a JDBC one is the database's. */
  @ExceptionHandler(QueryTimeoutException.class)
  ResponseEntity<String> timeout(QueryTimeoutException e) {
    return unavailable(
        e, RedisOutage.isCause(e) ? RedisOutage.body() : ErrorBodies.internalJson("服务暂不可用,请稍后再试"));
  }

  private static ResponseEntity<String> unavailable(RuntimeException e, String body) {
    log.error("unavailable: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body);
  }
}
