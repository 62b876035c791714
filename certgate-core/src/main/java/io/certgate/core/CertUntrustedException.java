package io.certgate.core;

/**
 * No valid path leads from the certificate to an anchor of an enabled provider ({@link
 * ErrorCode#CERT_UNTRUSTED}).
 */
public final class CertUntrustedException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public CertUntrustedException(String message) {
    super(ErrorCode.CERT_UNTRUSTED, message);
  }

  public CertUntrustedException(String message, Throwable cause) {
    super(ErrorCode.CERT_UNTRUSTED, message, cause);
  }
}
