package io.certgate.core.revocation;

/**
 * Why an OCSP exchange established no status, in the few classes an operator acts on differently
 * (metrics, alerts). Each value names one kind of cause; the exact RFC 6960 check that failed stays
 * internal.
 */
public enum OcspFailure {
  /** No responder configured and none named in the certificate's authority information access. */
  NO_RESPONDER,
  /** The responder did not answer within the configured timeout. */
  TIMEOUT,
  /** The responder could not be reached (connection refused or reset, unknown host). */
  UNREACHABLE,
  /** The responder answered with an HTTP status other than 200. */
  HTTP_ERROR,
  /**
   * The answer is unusable: not an OCSP response, an error status, a missing or wrong nonce, no
   * answer for the certificate asked about, or not current.
   */
  BAD_RESPONSE,
  /** The answer's signature does not verify, or its signer is not authorised for the issuer. */
  BAD_SIGNATURE,
  /** A well-formed, authorised answer with the status {@code unknown}. */
  UNKNOWN_STATUS;

  static OcspFailure of(OcspOutcome.Reason reason) {
    return switch (reason) {
      case NO_RESPONDER -> NO_RESPONDER;
      case TIMEOUT -> TIMEOUT;
      case UNAVAILABLE -> UNREACHABLE;
      case HTTP_ERROR -> HTTP_ERROR;
      case BAD_SIGNATURE, UNAUTHORIZED_RESPONDER -> BAD_SIGNATURE;
      case STATUS_UNKNOWN -> UNKNOWN_STATUS;
      case MALFORMED, NOT_SUCCESSFUL, NONCE_MISMATCH, NO_MATCHING_RESPONSE, NOT_CURRENT ->
          BAD_RESPONSE;
      case ESTABLISHED -> throw new IllegalArgumentException("not a failure");
    };
  }
}
