package io.certgate.server.api;

import io.certgate.core.CertGateException;
import io.certgate.core.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures inside Spring MVC become {@code {"error","message"}}. Client
 * mistakes are 4xx with a code; only a genuine server fault is a 500, logged here and never shown
 * in detail.
 */
@RestControllerAdvice
// last: a feature's own advice (with any higher @Order, e.g. SMS outages) is asked first
@Order(Ordered.LOWEST_PRECEDENCE)
final class ApiErrorAdvice {
  private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<String> api(ApiException e) {
    return body(e.status(), e.code(), e.getMessage());
  }

  @ExceptionHandler(CertGateException.class)
  ResponseEntity<String> core(CertGateException e) {
    return body(ErrorCodes.status(e.code()), e.code(), ErrorCodes.message(e.code()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<String> unreadable(HttpMessageNotReadableException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException) {
        return tooLarge();
      }
      if (t instanceof UnrecognizedPropertyException u) {
        return badRequest("未知字段: " + u.getPropertyName());
      }
      if (t instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
        return badRequest("字段类型错误: " + m.getPathReference().replaceAll("^.*\\[\"?|\"?]$", ""));
      }
    }
    return badRequest("请求体不是有效的JSON");
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<String> invalid(MethodArgumentNotValidException e) {
    FieldError field = e.getBindingResult().getFieldError();
    return badRequest(
        field == null ? "请求参数无效" : "字段无效: " + field.getField() + " " + field.getDefaultMessage());
  }

  @ExceptionHandler({
    HandlerMethodValidationException.class,
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class
  })
  ResponseEntity<String> badParameter(Exception e) {
    return badRequest("请求参数无效");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<String> method(HttpRequestMethodNotSupportedException e) {
    return body(405, ErrorCode.BAD_REQUEST, "不支持的请求方法");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<String> mediaType(HttpMediaTypeNotSupportedException e) {
    return body(415, ErrorCode.BAD_REQUEST, "请求体须为 application/json");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<String> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return body(406, ErrorCode.BAD_REQUEST, "无法提供所请求的格式");
  }

  @ExceptionHandler({BodyTooLargeException.class, MaxUploadSizeExceededException.class})
  ResponseEntity<String> large(Exception e) {
    return tooLarge();
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<String> notFound(NoResourceFoundException e) {
    return body(404, ErrorCode.NOT_FOUND, ErrorCodes.message(ErrorCode.NOT_FOUND));
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<String> duplicate(DuplicateKeyException e) {
    return body(409, ErrorCode.BAD_REQUEST, "记录已存在");
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<String> denied(AccessDeniedException e) {
    return body(403, ErrorCode.FORBIDDEN, ErrorCodes.message(ErrorCode.FORBIDDEN));
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<String> unauthenticated(AuthenticationException e) {
    return body(401, ErrorCode.UNAUTHENTICATED, ErrorCodes.message(ErrorCode.UNAUTHENTICATED));
  }

  /**
   * The database is down or unreachable: the pool reconnects by itself once it is back. A
   * transaction that cannot begin, commit or roll back because the database closed its connection
   * (a restart in the middle of a bind) is the same outage, not a fault of the request: a 503 like
   * any other. As with any cut connection, a failed commit may or may not have taken effect; a
   * rollback that fails leaves nothing, the database discards the transaction with the connection.
   */
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    CannotCreateTransactionException.class,
    TransactionSystemException.class
  })
  ResponseEntity<String> databaseDown(RuntimeException e) {
    log.error("database unavailable: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ErrorBodies.internalJson("数据库暂不可用,请稍后再试"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<String> unexpected(Exception e) {
    log.error("unexpected server error", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ErrorBodies.internalJson());
  }

  private static ResponseEntity<String> tooLarge() {
    return body(413, ErrorCode.BAD_REQUEST, "请求体过大");
  }

  private static ResponseEntity<String> badRequest(String message) {
    return body(400, ErrorCode.BAD_REQUEST, message);
  }

  private static ResponseEntity<String> body(int status, ErrorCode code, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ErrorBodies.json(code, message));
  }
}
