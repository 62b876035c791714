package io.certgate.agent.token;

import java.util.Optional;

/**
 * Reads the user-PIN state out of a PKCS#11 token's flags (PKCS#11 v2.40 §3.2, CK_TOKEN_INFO).
 *
 * <p>Only two states carry a number: {@code CKF_USER_PIN_FINAL_TRY} means exactly one try is left,
 * {@code CKF_USER_PIN_LOCKED} means none. {@code CKF_USER_PIN_COUNT_LOW} alone only says a wrong
 * PIN was entered since the last good one; as FINAL_TRY is not set, at least two tries remain, but
 * the real number may be much higher (tokens commonly allow 6 to 15). We report no number then
 * rather than a guess: "2 tries left" would frighten a user with 9, and any higher guess could let
 * one with 2 lock the key. SoftHSM2 (2.6) sets COUNT_LOW after a wrong PIN and never locks.
 */
record PinFlags(boolean countLow, boolean finalTry, boolean locked) {
  static final long CKF_USER_PIN_COUNT_LOW = 0x00010000L;
  static final long CKF_USER_PIN_FINAL_TRY = 0x00020000L;
  static final long CKF_USER_PIN_LOCKED = 0x00040000L;

  static PinFlags of(long tokenFlags) {
    return new PinFlags(
        (tokenFlags & CKF_USER_PIN_COUNT_LOW) != 0,
        (tokenFlags & CKF_USER_PIN_FINAL_TRY) != 0,
        (tokenFlags & CKF_USER_PIN_LOCKED) != 0);
  }

  /** The tries left when the flags tell a number: 0 when locked, 1 on the final try. */
  Optional<Integer> retriesLeft() {
    if (locked) {
      return Optional.of(0);
    }
    return finalTry ? Optional.of(1) : Optional.empty();
  }
}
