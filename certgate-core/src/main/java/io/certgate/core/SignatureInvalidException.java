package io.certgate.core;

/** The signature does not verify over the signed data ({@link ErrorCode#SIGNATURE_INVALID}). */
public final class SignatureInvalidException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public SignatureInvalidException(String message) {
    super(ErrorCode.SIGNATURE_INVALID, message);
  }

  public SignatureInvalidException(String message, Throwable cause) {
    super(ErrorCode.SIGNATURE_INVALID, message, cause);
  }
}
