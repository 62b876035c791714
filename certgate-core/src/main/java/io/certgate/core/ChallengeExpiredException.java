package io.certgate.core;

/** The challenge exists but its time to live has passed ({@link ErrorCode#CHALLENGE_EXPIRED}). */
public final class ChallengeExpiredException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public ChallengeExpiredException(String message) {
    super(ErrorCode.CHALLENGE_EXPIRED, message);
  }

  public ChallengeExpiredException(String message, Throwable cause) {
    super(ErrorCode.CHALLENGE_EXPIRED, message, cause);
  }
}
