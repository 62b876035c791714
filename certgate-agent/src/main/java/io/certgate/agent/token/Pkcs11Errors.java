package io.certgate.agent.token;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import java.util.Optional;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/** Maps PKCS#11 return values to the agent's error codes. */
final class Pkcs11Errors {
  // PKCS#11 v2.40 §5.1 return values (not all are constants of the JDK wrapper)
  static final long CKR_SLOT_ID_INVALID = 0x03;
  static final long CKR_DEVICE_REMOVED = 0x32;
  static final long CKR_PIN_INCORRECT = 0xA0;
  static final long CKR_PIN_INVALID = 0xA1;
  static final long CKR_PIN_LEN_RANGE = 0xA2;
  static final long CKR_PIN_LOCKED = 0xA4;
  static final long CKR_SESSION_HANDLE_INVALID = 0xB3;
  static final long CKR_TOKEN_NOT_PRESENT = 0xE0;
  static final long CKR_TOKEN_NOT_RECOGNIZED = 0xE1;

  private Pkcs11Errors() {}

  /** The first PKCS#11 return value in a cause chain. */
  static Optional<Long> returnValue(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PKCS11Exception p) {
        return Optional.of(p.getErrorCode());
      }
    }
    return Optional.empty();
  }

  static boolean tokenGone(long rv) {
    return rv == CKR_SLOT_ID_INVALID
        || rv == CKR_DEVICE_REMOVED
        || rv == CKR_SESSION_HANDLE_INVALID
        || rv == CKR_TOKEN_NOT_PRESENT
        || rv == CKR_TOKEN_NOT_RECOGNIZED;
  }

  static boolean wrongPin(long rv) {
    return rv == CKR_PIN_INCORRECT || rv == CKR_PIN_INVALID || rv == CKR_PIN_LEN_RANGE;
  }

  /** A failure outside the PIN check: a removed token, or an internal error. */
  static AgentException map(Exception failure) {
    Optional<Long> rv = returnValue(failure);
    if (rv.isPresent() && tokenGone(rv.get())) {
      return new AgentException(AgentError.TOKEN_NOT_PRESENT, "the key was removed", failure);
    }
    return new AgentException(
        AgentError.INTERNAL, "the key's PKCS#11 module failed: " + failure.getMessage(), failure);
  }
}
