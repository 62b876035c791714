package io.certgate.core;

/** A certificate on the path is before its notBefore ({@link ErrorCode#CERT_NOT_YET_VALID}). */
public final class CertNotYetValidException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public CertNotYetValidException(String message) {
    super(ErrorCode.CERT_NOT_YET_VALID, message);
  }

  public CertNotYetValidException(String message, Throwable cause) {
    super(ErrorCode.CERT_NOT_YET_VALID, message, cause);
  }
}
