package io.certgate.core;

/**
 * The token's algorithm does not fit the certificate's key ({@link ErrorCode#ALGORITHM_MISMATCH}).
 */
public final class AlgorithmMismatchException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public AlgorithmMismatchException(String message) {
    super(ErrorCode.ALGORITHM_MISMATCH, message);
  }

  public AlgorithmMismatchException(String message, Throwable cause) {
    super(ErrorCode.ALGORITHM_MISMATCH, message, cause);
  }
}
