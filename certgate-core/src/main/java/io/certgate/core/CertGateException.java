package io.certgate.core;

/**
 * Base of every refusal raised by certgate-core. There is one subclass per reason, each bound to
 * exactly one {@link ErrorCode}, so callers map failures to responses in one place.
 */
public abstract class CertGateException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  protected CertGateException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  protected CertGateException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The stable code of this failure. */
  public final ErrorCode code() {
    return code;
  }
}
