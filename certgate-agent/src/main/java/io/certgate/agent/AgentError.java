package io.certgate.agent;

/**
 * The error codes of the local client API (DESIGN.md §4), each with the HTTP status it is answered
 * with. Web pages switch on the name, so names never change.
 */
public enum AgentError {
  /** The request's {@code Origin} is not on the allow-list (or missing). */
  ORIGIN_NOT_ALLOWED(403),
  /** Malformed input: JSON, sizes, nonce length, unknown path or method. */
  BAD_REQUEST(400),
  /** The token holding the certificate is no longer inserted. */
  TOKEN_NOT_PRESENT(404),
  /** No certificate with that id on any present token. */
  CERT_NOT_FOUND(404),
  /** The certificate may not sign (encryption certificate). */
  NOT_SIGNATURE_CERT(422),
  /** The token refused the PIN. */
  PIN_INCORRECT(401),
  /** The token's user PIN is locked: only its issuer can unlock it. */
  PIN_LOCKED(423),
  /** Anything the client could not have caused (a failing module, an unexpected key). */
  INTERNAL(500);

  private final int httpStatus;

  AgentError(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** The HTTP status this error is answered with. */
  public int httpStatus() {
    return httpStatus;
  }
}
