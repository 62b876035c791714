package io.certgate.server.sms;

import io.certgate.server.api.ErrorBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A gateway outage is the server's problem, not the client's: 503 with a clear message, so the page
 * can say "try again later". Each request tries the gateway anew, so recovery is automatic.
 */
@RestControllerAdvice
@Order(0) // before the catch-all of the api feature
final class SmsErrors {
  private static final Logger log = LoggerFactory.getLogger(SmsErrors.class);

  @ExceptionHandler(SmsDeliveryException.class)
  ResponseEntity<String> unavailable(SmsDeliveryException e) {
    log.warn("SMS gateway failed: {}", e.getMessage());
    return ResponseEntity.status(503)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ErrorBodies.internalJson("短信服务暂不可用,请稍后再试"));
  }
}
