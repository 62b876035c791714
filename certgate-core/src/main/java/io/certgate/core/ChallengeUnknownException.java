package io.certgate.core;

/**
 * The challenge is unknown, already used, from another session or of another purpose ({@link
 * ErrorCode#CHALLENGE_UNKNOWN}).
 */
public final class ChallengeUnknownException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public ChallengeUnknownException(String message) {
    super(ErrorCode.CHALLENGE_UNKNOWN, message);
  }

  public ChallengeUnknownException(String message, Throwable cause) {
    super(ErrorCode.CHALLENGE_UNKNOWN, message, cause);
  }
}
