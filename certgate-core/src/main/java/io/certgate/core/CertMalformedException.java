package io.certgate.core;

/** A certificate does not decode as X.509 DER ({@link ErrorCode#CERT_MALFORMED}). */
public final class CertMalformedException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public CertMalformedException(String message) {
    super(ErrorCode.CERT_MALFORMED, message);
  }

  public CertMalformedException(String message, Throwable cause) {
    super(ErrorCode.CERT_MALFORMED, message, cause);
  }
}
