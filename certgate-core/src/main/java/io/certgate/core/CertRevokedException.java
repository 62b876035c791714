package io.certgate.core;

/** A certificate on the path is revoked ({@link ErrorCode#CERT_REVOKED}). */
public final class CertRevokedException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public CertRevokedException(String message) {
    super(ErrorCode.CERT_REVOKED, message);
  }

  public CertRevokedException(String message, Throwable cause) {
    super(ErrorCode.CERT_REVOKED, message, cause);
  }
}
