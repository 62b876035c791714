package io.certgate.server.api;

import io.certgate.core.CertGateException;
import io.certgate.core.ErrorCode;

/**
 * A refusal raised by a server feature. It carries one stable {@link ErrorCode}; the HTTP status
 * and the default Chinese text come from {@link ErrorCodes}, so every feature maps failures the
 * same way.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final int status;

  /** A refusal with the code's default Chinese message. */
  public ApiException(ErrorCode code) {
    this(code, ErrorCodes.message(code));
  }

  /** A refusal with a specific Chinese message (never containing secrets). */
  public ApiException(ErrorCode code, String message) {
    this(code, ErrorCodes.status(code), message);
  }

  private ApiException(ErrorCode code, int status, String message) {
    super(message);
    this.code = code;
    this.status = status;
  }

  /** A refused login: the code's status as {@link ErrorCodes#loginStatus} gives it. */
  public static ApiException loginRefused(ErrorCode code, String message) {
    return new ApiException(code, ErrorCodes.loginStatus(code), message);
  }

  /** A duplicate (409, DESIGN.md §6) of something that must be unique. */
  public static ApiException conflict(String message) {
    return new ApiException(ErrorCode.BAD_REQUEST, 409, message);
  }

  /** Wraps a core refusal, keeping its code. */
  public static ApiException of(CertGateException e) {
    return new ApiException(e.code(), ErrorCodes.message(e.code()));
  }

  /** {@code BAD_REQUEST} with a message saying which input is wrong. */
  public static ApiException badRequest(String message) {
    return new ApiException(ErrorCode.BAD_REQUEST, message);
  }

  /** {@code NOT_FOUND} with the default message. */
  public static ApiException notFound() {
    return new ApiException(ErrorCode.NOT_FOUND);
  }

  /** {@code FORBIDDEN} with the default message. */
  public static ApiException forbidden() {
    return new ApiException(ErrorCode.FORBIDDEN);
  }

  /** The stable code. */
  public ErrorCode code() {
    return code;
  }

  /** The HTTP status (DESIGN.md §6). */
  public int status() {
    return status;
  }
}
