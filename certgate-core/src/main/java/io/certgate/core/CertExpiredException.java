package io.certgate.core;

/** A certificate on the path is past its notAfter ({@link ErrorCode#CERT_EXPIRED}). */
public final class CertExpiredException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public CertExpiredException(String message) {
    super(ErrorCode.CERT_EXPIRED, message);
  }

  public CertExpiredException(String message, Throwable cause) {
    super(ErrorCode.CERT_EXPIRED, message, cause);
  }
}
