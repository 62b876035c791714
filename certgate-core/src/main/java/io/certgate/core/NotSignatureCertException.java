package io.certgate.core;

/**
 * The certificate is not fit for signing: key usage or extended key usage ({@link
 * ErrorCode#NOT_SIGNATURE_CERT}).
 */
public final class NotSignatureCertException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public NotSignatureCertException(String message) {
    super(ErrorCode.NOT_SIGNATURE_CERT, message);
  }

  public NotSignatureCertException(String message, Throwable cause) {
    super(ErrorCode.NOT_SIGNATURE_CERT, message, cause);
  }
}
