package io.certgate.core;

/**
 * Revocation status could not be established under a HARD policy ({@link
 * ErrorCode#REVOCATION_UNKNOWN}).
 */
public final class RevocationUnknownException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public RevocationUnknownException(String message) {
    super(ErrorCode.REVOCATION_UNKNOWN, message);
  }

  public RevocationUnknownException(String message, Throwable cause) {
    super(ErrorCode.REVOCATION_UNKNOWN, message, cause);
  }
}
