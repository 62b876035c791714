package io.certgate.core.revocation;

import java.util.Optional;

/** What one OCSP exchange established, or why it established nothing. */
record OcspOutcome(Reason reason, Optional<RevocationStatus> status) {

  enum Reason {
    ESTABLISHED,
    NO_RESPONDER,
    /** No answer within the timeout. */
    TIMEOUT,
    /** Connection refused, reset or similar. */
    UNAVAILABLE,
    /** An HTTP status other than 200. */
    HTTP_ERROR,
    MALFORMED,
    NOT_SUCCESSFUL,
    NONCE_MISMATCH,
    BAD_SIGNATURE,
    UNAUTHORIZED_RESPONDER,
    NO_MATCHING_RESPONSE,
    NOT_CURRENT,
    STATUS_UNKNOWN
  }

  static OcspOutcome failed(Reason reason) {
    return new OcspOutcome(reason, Optional.empty());
  }

  static OcspOutcome established(RevocationStatus status) {
    return new OcspOutcome(Reason.ESTABLISHED, Optional.of(status));
  }
}
