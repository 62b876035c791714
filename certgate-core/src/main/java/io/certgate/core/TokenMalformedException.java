package io.certgate.core;

/**
 * The auth token is not well-formed: size, JSON shape, base64 or a required field ({@link
 * ErrorCode#TOKEN_MALFORMED}).
 */
public final class TokenMalformedException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public TokenMalformedException(String message) {
    super(ErrorCode.TOKEN_MALFORMED, message);
  }

  public TokenMalformedException(String message, Throwable cause) {
    super(ErrorCode.TOKEN_MALFORMED, message, cause);
  }
}
