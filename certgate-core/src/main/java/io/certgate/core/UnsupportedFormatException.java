package io.certgate.core;

/**
 * The auth token names a format other than certgate-auth/1 ({@link ErrorCode#UNSUPPORTED_FORMAT}).
 */
public final class UnsupportedFormatException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public UnsupportedFormatException(String message) {
    super(ErrorCode.UNSUPPORTED_FORMAT, message);
  }

  public UnsupportedFormatException(String message, Throwable cause) {
    super(ErrorCode.UNSUPPORTED_FORMAT, message, cause);
  }
}
