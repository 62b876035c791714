package io.certgate.server.api;

import io.certgate.core.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error page: whatever the container routes to {@code /error} (a failure outside
 * Spring MVC, a rejected request) is answered in the same JSON shape, without any detail.
 */
@RestController
final class ErrorPageController implements ErrorController {

  @RequestMapping(value = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> error(HttpServletRequest request) {
    Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // no status: a client asked for /error itself, which is no resource of ours
    int status = attribute instanceof Integer i ? i : 404;
    if (status >= 500) {
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_JSON)
          .body(ErrorBodies.internalJson());
    }
    ErrorCode code =
        switch (status) {
          case 401 -> ErrorCode.UNAUTHENTICATED;
          case 403 -> ErrorCode.FORBIDDEN;
          case 404 -> ErrorCode.NOT_FOUND;
          case 429 -> ErrorCode.RATE_LIMITED;
          default -> ErrorCode.BAD_REQUEST;
        };
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ErrorBodies.json(code, ErrorCodes.message(code)));
  }
}
